/**
 * Indonesian texts: the source of truth of the message catalogue. Every key here must exist in
 * en.ts (TypeScript and test/domain/text.test.ts enforce it). Parameters are written {name};
 * the English text must use the same parameters.
 *
 * To add a message: add the key here and in en.ts, keep keys grouped by prefix
 * (nip., nik., phone., form., mail.receipt., …).
 */
export const id = {
  // ── NIP (PNS) ─────────────────────────────────────────────────────────────
  "nip.empty": "NIP belum diisi.",
  "nip.chars": "NIP hanya boleh berisi angka (ditemukan: {chars}).",
  "nip.lookalike":
    "NIP hanya boleh berisi angka; huruf {chars} tampaknya tertulis sebagai pengganti angka 0 atau 1.",
  "nip.length": "NIP harus 18 digit angka (tertulis {count} digit).",
  "nip.birth_date": "Tanggal lahir pada NIP (8 digit pertama: {digits}) bukan tanggal yang sah.",
  "nip.birth_year": "Tahun lahir pada NIP ({year}) tidak wajar; seharusnya antara {min} dan {max}.",
  "nip.appointment_month":
    "Bulan pengangkatan pada NIP (digit ke-13 dan ke-14: {digits}) harus 01 sampai 12.",
  "nip.appointment_future":
    "Tahun dan bulan pengangkatan pada NIP (digit ke-9 s.d. ke-14: {digits}, {month}) belum terlewati.",
  "nip.appointment_early":
    "Tahun dan bulan pengangkatan pada NIP (digit ke-9 s.d. ke-14: {digits}, {month}) kurang dari 18 tahun setelah tanggal lahir.",
  "nip.gender": "Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), tertulis {digit}.",
  "nip.serial": "Nomor urut pada NIP (3 digit terakhir) tidak boleh 000.",
  "nip.required": "NIP wajib diisi bagi pegawai berstatus PNS.",
  "nip.non_asn":
    "Pegawai Non-ASN tidak memiliki NIP atau NI PPPK; kosongkan kolom NIP/NI PPPK atau pilih status PNS/PPPK.",
  "nip.looks_pppk": "Nomor ini tampak seperti NI PPPK; bila Anda PPPK, pilih status PPPK.",

  // ── NI PPPK ───────────────────────────────────────────────────────────────
  "nipppk.empty": "NI PPPK belum diisi.",
  "nipppk.chars": "NI PPPK hanya boleh berisi angka (ditemukan: {chars}).",
  "nipppk.lookalike":
    "NI PPPK hanya boleh berisi angka; huruf {chars} tampaknya tertulis sebagai pengganti angka 0 atau 1.",
  "nipppk.length": "NI PPPK harus 18 digit angka (tertulis {count} digit).",
  "nipppk.birth_date": "Tanggal lahir pada NI PPPK (8 digit pertama: {digits}) bukan tanggal yang sah.",
  "nipppk.birth_year": "Tahun lahir pada NI PPPK ({year}) tidak wajar; seharusnya antara {min} dan {max}.",
  "nipppk.year_future": "Tahun pengangkatan pada NI PPPK (digit ke-9 s.d. ke-12: {year}) belum terlewati.",
  "nipppk.year_early":
    "Tahun pengangkatan pada NI PPPK (digit ke-9 s.d. ke-12: {year}) sebelum PPPK pertama diangkat ({min}).",
  "nipppk.year_age":
    "Tahun pengangkatan pada NI PPPK (digit ke-9 s.d. ke-12: {year}) kurang dari 18 tahun setelah tahun lahir.",
  "nipppk.gender":
    "Digit ke-15 NI PPPK (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), tertulis {digit}.",
  "nipppk.serial": "Nomor urut pada NI PPPK (3 digit terakhir) tidak boleh 000.",
  "nipppk.required": "NI PPPK wajib diisi bagi pegawai berstatus PPPK.",
  "nipppk.looks_nip": "Nomor ini tampak seperti NIP PNS; bila Anda PNS, pilih status PNS.",

  // ── NIK ───────────────────────────────────────────────────────────────────
  "nik.empty": "NIK belum diisi.",
  "nik.chars": "NIK hanya boleh berisi angka (ditemukan: {chars}).",
  "nik.lookalike":
    "NIK hanya boleh berisi angka; huruf {chars} tampaknya tertulis sebagai pengganti angka 0 atau 1.",
  "nik.length": "NIK harus 16 digit angka (tertulis {count} digit).",
  "nik.province": "Kode provinsi pada NIK (2 digit pertama: {digits}) tidak dikenal.",
  "nik.regency": "Kode kabupaten/kota pada NIK (digit ke-3 dan ke-4: {digits}) tidak sah.",
  "nik.district": "Kode kecamatan pada NIK (digit ke-5 dan ke-6: {digits}) tidak sah.",
  "nik.birth_date":
    "Tanggal lahir pada NIK (digit ke-7 s.d. ke-12: {digits}, format HHBBTT; perempuan: tanggal + 40) bukan tanggal yang sah.",
  "nik.serial": "Nomor urut pada NIK (4 digit terakhir) tidak boleh 0000.",
  "nik.required": "NIK wajib diisi.",
  "nik.birth_mismatch":
    "Tanggal lahir pada NIK ({nik}) tidak sama dengan tanggal lahir pada NIP/NI PPPK ({asn}).",
  "nik.gender_mismatch": "Jenis kelamin pada NIK tidak sama dengan jenis kelamin pada NIP/NI PPPK.",

  // ── Phone ─────────────────────────────────────────────────────────────────
  "phone.empty": "Nomor HP belum diisi.",
  "phone.chars": "Nomor HP hanya boleh berisi angka, spasi, tanda hubung dan tanda + (ditemukan: {chars}).",
  "phone.country": "Nomor HP harus nomor Indonesia (+62 atau diawali 08).",
  "phone.prefix": "Nomor HP harus diawali 08, 628 atau +628, contoh 0812-3456-7890.",
  "phone.too_short":
    "Nomor HP terlalu pendek: {count} digit, paling sedikit {min} digit termasuk angka 0 di depan.",
  "phone.too_long":
    "Nomor HP terlalu panjang: {count} digit, paling banyak {max} digit termasuk angka 0 di depan.",
  "phone.not_mobile": "Nomor 080x bukan nomor HP; isikan nomor HP/WhatsApp Anda.",
  "phone.landline": "Nomor ini tampaknya nomor telepon kantor/rumah; isikan nomor HP/WhatsApp Anda.",

  // ── Form answers in general ───────────────────────────────────────────────
  "field.required": "Kolom \u201c{field}\u201d wajib diisi.",
  "field.truncated": "Isian \u201c{field}\u201d terlalu panjang dan dipotong menjadi {max} karakter.",
  "name.no_name": "Kolom nama lengkap hanya berisi gelar; tuliskan juga nama Anda.",
  "name.chars": "Nama mengandung karakter yang tidak lazim untuk nama: {chars}.",
  "name.unknown_title":
    "Gelar \u201c{title}\u201d tidak kami kenali dan dicatat sesuai tulisan Anda; periksa penulisannya.",
  "status.unknown": "Status kepegawaian \u201c{value}\u201d tidak dikenal; pilih PNS, PPPK atau Non-ASN.",
  "email.invalid":
    "Alamat surel pribadi \u201c{value}\u201d tidak sah; contoh penulisan yang benar: nama@gmail.com.",
  "email.office_domain":
    "Surel pribadi tidak boleh beralamat @{domain}: isikan surel pribadi Anda (mis. Gmail) untuk pengiriman dan pemulihan akun.",
  "email.typo": "Periksa alamat surel pribadi Anda: apakah maksudnya {suggestion}?",
  "opd.unknown":
    "Perangkat daerah \u201c{value}\u201d tidak ada dalam daftar; pilih dari daftar perangkat daerah.",
  "account_type.unknown": "Jenis akun \u201c{value}\u201d tidak dikenal; pilih Pribadi atau Unit Kerja.",
  "unit.acronym_required": "Akun unit kerja memerlukan singkatan unit kerja (mis. PPID atau APTIKA).",
  "unit.acronym_chars":
    "Singkatan unit kerja hanya boleh berisi huruf, angka, spasi, titik, tanda hubung dan garis bawah, paling banyak {max} karakter.",
  "unit.non_asn": "Akun unit kerja harus diajukan oleh penanggung jawab berstatus PNS atau PPPK.",
  "username.chars":
    "Usulan nama akun hanya boleh berisi huruf a\u2013z, angka, titik, tanda hubung (-), garis bawah (_) dan apostrof (') (ditemukan: {chars}).",
  "username.dots":
    "Usulan nama akun tidak boleh diawali atau diakhiri titik, atau memuat dua titik berturut-turut.",
  "username.too_long": "Usulan nama akun paling banyak {max} karakter (tertulis {count}).",
  "username.other_domain":
    "Usulan nama akun cukup bagian sebelum tanda @; alamat akun dinas selalu berakhiran @{domain}.",
  "letter_date.invalid":
    "Tanggal surat permohonan \u201c{value}\u201d tidak dapat dibaca; gunakan format HH/BB/TTTT.",
  "letter_date.future": "Tanggal surat permohonan ({date}) tidak boleh setelah hari ini.",
  "ticket.invalid": "Nomor tiket \u201c{value}\u201d tidak sesuai format, contoh: SRL-2611-0007.",
  "statement.required": "Anda perlu menyetujui pernyataan tanggung jawab atas akun surel dinas.",

  // ── Mapping a form submission (for administrators) ───────────────────────
  "form.unknown_title":
    "Pertanyaan \u201c{title}\u201d pada jawaban formulir tidak dikenal sistem (judulnya mungkin telah diubah).",
  "form.missing_title":
    "Pertanyaan \u201c{title}\u201d tidak ada pada jawaban formulir; formulir perlu disiapkan ulang.",

  // ── Choices ───────────────────────────────────────────────────────────────
  "choice.status.PNS": "PNS",
  "choice.status.PPPK": "PPPK",
  "choice.status.NON_ASN": "Non-ASN",
  "choice.account.pribadi": "Pribadi",
  "choice.account.unit": "Unit Kerja",
  "choice.statement":
    "Saya bersedia bertanggung jawab atas penggunaan dan pengelolaan akun surel dinas ini sesuai ketentuan yang berlaku.",

  // ── The application form ──────────────────────────────────────────────────
  "form.title": "Permohonan Akun Surel Dinas \u2013 {office}",
  "form.description":
    "Formulir permohonan akun surel dinas bagi pegawai dan unit kerja {government}. Isikan data dengan benar sesuai dokumen kepegawaian. Tanda terima dengan nomor tiket dikirim ke surel pribadi Anda.",
  "form.confirmation":
    "Terima kasih. Permohonan Anda telah diterima; tanda terima dengan nomor tiket dikirim ke surel pribadi Anda.",
  "form.fullName.title": "Nama lengkap",
  "form.fullName.help":
    "Sesuai dokumen kepegawaian. Gelar boleh ditulis di sini atau di kolom gelar di bawah.",
  "form.fullName.label": "Nama lengkap",
  "form.titlesBefore.title": "Gelar depan",
  "form.titlesBefore.help": "Mis. Dr., Ir., H., Hj. Kosongkan bila tidak ada.",
  "form.titlesBefore.label": "Gelar depan",
  "form.titlesAfter.title": "Gelar belakang",
  "form.titlesAfter.help": "Mis. S.Kom., M.Si. Kosongkan bila tidak ada.",
  "form.titlesAfter.label": "Gelar belakang",
  "form.status.title": "Status kepegawaian",
  "form.status.help": "PNS, PPPK, atau Non-ASN (tenaga kontrak/honorer).",
  "form.status.label": "Status kepegawaian",
  "form.nip.title": "NIP / NI PPPK",
  "form.nip.help": "18 digit tanpa spasi. Wajib bagi PNS dan PPPK; kosongkan bila Non-ASN.",
  "form.nip.label": "NIP / NI PPPK",
  "form.nik.title": "NIK",
  "form.nik.help": "Nomor Induk Kependudukan, 16 digit sesuai KTP.",
  "form.nik.label": "NIK",
  "form.position.title": "Jabatan",
  "form.position.help": "Jabatan saat ini, mis. Pranata Komputer Ahli Pertama.",
  "form.position.label": "Jabatan",
  "form.opd.title": "Perangkat daerah",
  "form.opd.help": "Perangkat daerah (OPD) tempat Anda bekerja.",
  "form.opd.label": "Perangkat daerah",
  "form.phone.title": "Nomor HP/WhatsApp",
  "form.phone.help": "Mis. 0812-3456-7890. Dipakai untuk konfirmasi dan pemulihan akun.",
  "form.phone.label": "Nomor HP",
  "form.personalEmail.title": "Surel pribadi",
  "form.personalEmail.help":
    "Alamat surel pribadi yang aktif (bukan surel dinas) untuk tanda terima, surat pemberitahuan akun dan pemulihan akun.",
  "form.personalEmail.label": "Surel pribadi",
  "form.accountType.title": "Jenis akun",
  "form.accountType.help": "Pribadi untuk pegawai; Unit Kerja untuk akun bersama sebuah unit (mis. PPID).",
  "form.accountType.label": "Jenis akun",
  "form.unitName.title": "Nama unit kerja (khusus akun Unit Kerja)",
  "form.unitName.help": "Mis. Pejabat Pengelola Informasi dan Dokumentasi.",
  "form.unitName.label": "Nama unit kerja",
  "form.unitAcronym.title": "Singkatan unit kerja (khusus akun Unit Kerja)",
  "form.unitAcronym.help": "Dipakai untuk nama akun, mis. PPID.",
  "form.unitAcronym.label": "Singkatan unit kerja",
  "form.proposedUsername.title": "Usulan nama akun",
  "form.proposedUsername.help":
    "Bagian sebelum @, mis. ahmad.fauzi. Boleh dikosongkan; nama akun ditetapkan sesuai aturan penamaan yang berlaku.",
  "form.proposedUsername.label": "Usulan nama akun",
  "form.letterNumber.title": "Nomor surat permohonan",
  "form.letterNumber.help": "Nomor surat permohonan dari kepala perangkat daerah.",
  "form.letterNumber.label": "Nomor surat permohonan",
  "form.letterDate.title": "Tanggal surat permohonan",
  "form.letterDate.help": "Tanggal surat permohonan dari kepala perangkat daerah.",
  "form.letterDate.label": "Tanggal surat permohonan",
  "form.previousTicket.title": "Nomor tiket sebelumnya (bila memperbaiki permohonan)",
  "form.previousTicket.help":
    "Isi hanya bila Anda memperbaiki permohonan yang dikembalikan, mis. SRL-2611-0007.",
  "form.previousTicket.label": "Nomor tiket sebelumnya",
  "form.statusCode.title": "Kode status dari tanda terima",
  "form.statusCode.help":
    "Isi hanya bila Anda memperbaiki permohonan: kode rahasia dari surel tanda terima permohonan itu, mis. 7K2M-9QXR-4HWD. Tanpa kode yang benar, perbaikan tidak diterapkan.",
  "form.statusCode.label": "Kode status",
  "form.statement.title": "Pernyataan",
  "form.statement.help": "Pengelolaan akun surel dinas sepenuhnya menjadi tanggung jawab pengguna.",
  "form.statement.label": "Pernyataan",
  "form.valid.nip": "NIP/NI PPPK terdiri atas 18 digit angka.",
  "form.valid.nik": "NIK terdiri atas 16 digit angka.",
  "form.valid.phone": "Tuliskan nomor HP, mis. 0812-3456-7890.",
  "form.valid.email": "Tuliskan alamat surel yang sah, mis. nama@gmail.com.",
  "form.valid.username": "Gunakan huruf, angka, titik, tanda hubung atau garis bawah; tanpa @.",
  "form.valid.acronym": "Gunakan huruf, angka, spasi, titik, tanda hubung atau garis bawah.",
  "form.valid.ticket": "Format nomor tiket: SRL-2611-0007.",
  "form.valid.status_code": "Kode status terdiri atas 12 huruf atau angka, mis. 7K2M-9QXR-4HWD.",
  "form.valid.length": "Paling banyak {max} karakter.",

  // ── Request statuses (labels) ─────────────────────────────────────────────
  "status.baru": "baru",
  "status.diproses": "diproses",
  "status.perlu_perbaikan": "perlu perbaikan",
  "status.ditahan": "ditahan",
  "status.ditolak": "ditolak",
  "status.disetujui": "disetujui",
  "status.membuat_akun": "membuat akun",
  "status.akun_dibuat": "akun dibuat",
  "status.selesai": "selesai",

  // ── Disposition actions and refusals (domain/workflow.ts) ───────────────
  "action.teruskan": "Teruskan (disposisi)",
  "action.setujui": "Setujui dan teruskan",
  "action.kembalikan": "Kembalikan untuk perbaikan",
  "action.tolak": "Tolak",
  "action.tahan": "Tahan",
  "action.lanjutkan": "Lanjutkan",
  "action.ambil_alih": "Ambil alih",
  "action.buat_akun": "Buat akun",
  "workflow.unknown_action": "Tindakan \u201c{action}\u201d tidak dikenal.",
  "workflow.closed.ditolak": "Permohonan ini sudah ditolak dan tidak dapat diubah lagi.",
  "workflow.closed.selesai": "Permohonan ini sudah selesai dan tidak dapat diubah lagi.",
  "workflow.officials_only": "Tindakan \u201c{action}\u201d hanya dapat dilakukan oleh pejabat.",
  "workflow.system_only": "Tindakan \u201c{action}\u201d dilakukan otomatis oleh sistem.",
  "workflow.unknown_stage":
    "Tahap \u201c{stage}\u201d tidak ada lagi di pengaturan. Administrator perlu memeriksa alur disposisi.",
  "workflow.already_at_stage": "Permohonan ini sudah berada di tahap {stage}.",
  "workflow.awaiting_correction": "Permohonan ini sedang menunggu perbaikan dari pemohon.",
  "workflow.no_stage": "Permohonan ini sedang tidak berada di tahap mana pun.",
  "workflow.wrong_stage":
    "Permohonan ini sedang di tahap {stage}, sedangkan Anda pejabat tahap {own}. Tunggu sampai permohonan sampai di tahap Anda.",
  "workflow.not_authorized": "{actor} tidak berwenang menindaklanjuti permohonan ini.",
  "workflow.not_authorized_unknown": "Pengguna ini tidak berwenang menindaklanjuti permohonan ini.",
  "workflow.delegates_only":
    "Tindakan \u201c{action}\u201d hanya dapat dilakukan oleh pelaksana harian (Plh./Plt.) atau administrator.",
  "workflow.status_not_allowed":
    "Tindakan \u201c{action}\u201d tidak dapat dilakukan pada permohonan berstatus \u201c{status}\u201d.",
  "workflow.not_at_stage":
    "Tindakan \u201c{action}\u201d tidak tersedia di tahap {stage}. Pilihan yang tersedia: {offered}.",
  "workflow.nothing_offered": "tidak ada",
  "workflow.last_stage": "Tahap {stage} adalah tahap terakhir: tidak ada tahap berikutnya untuk diteruskan.",
  "workflow.last_stage_only": "Tindakan \u201c{action}\u201d hanya dapat dilakukan di tahap terakhir.",
  "workflow.reason_required": "Tindakan \u201c{action}\u201d wajib disertai alasan di kolom catatan.",
  "workflow.empty_chain": "Alur disposisi di pengaturan kosong. Administrator perlu melengkapinya.",

  // ── Configuration checks (domain/defaults.ts validateConfig) ─────────────
  "config.government_empty": "Nama pemerintah daerah belum diisi.",
  "config.office_name_empty": "Nama dinas belum diisi.",
  "config.city_empty": "Tempat penulisan surat (kota) belum diisi.",
  "config.office_email": 'Surel kantor "{value}" bukan alamat surel yang sah.',
  "config.domain_empty": "Domain surel belum diisi.",
  "config.domain_invalid": 'Domain "{value}" tidak sah.',
  "config.domain_not_gov": 'Domain "{value}" bukan domain pemerintah (.go.id).',
  "config.language": 'Bahasa "{value}" tidak dikenal; pilih "id" atau "en".',
  "config.time_zone":
    'Zona waktu "{value}" tidak dikenal; pilih Asia/Jakarta, Asia/Pontianak, Asia/Makassar atau Asia/Jayapura.',
  "config.stages_empty": "Alur disposisi kosong: tambahkan paling sedikit satu tahap.",
  "config.stage.nth": "ke-{n}",
  "config.stage.key_empty": "Tahap {stage} belum memiliki kode.",
  "config.stage.key_invalid":
    'Kode tahap "{key}" hanya boleh huruf kecil, angka dan garis bawah, diawali huruf.',
  "config.stage.key_duplicate": 'Kode tahap "{key}" dipakai lebih dari sekali.',
  "config.stage.label_empty": 'Tahap "{key}" belum memiliki nama.',
  "config.stage.officials_empty": "Tahap {stage} belum memiliki pejabat.",
  "config.stage.official_email": 'Pejabat tahap {stage}: "{value}" bukan alamat surel yang sah.',
  "config.stage.delegate_email": 'Pelaksana harian tahap {stage}: "{value}" bukan alamat surel yang sah.',
  "config.stage.target": "Target waktu tahap {stage} harus lebih dari 0 menit.",
  "config.stage.actions_empty": "Tahap {stage} belum memiliki tindakan.",
  "config.stage.action_unknown": 'Tindakan "{action}" di tahap {stage} tidak dikenal.',
  "config.stage.last_creates": 'Tahap terakhir ({stage}) harus dapat membuat akun (tindakan "buat_akun").',
  "config.stage.last_forwards":
    "Tahap terakhir ({stage}) tidak dapat meneruskan: tidak ada tahap sesudahnya.",
  "config.stage.create_not_last":
    'Akun hanya dibuat di tahap terakhir; hapus "buat_akun" dari tahap {stage}.',
  "config.stage.must_forward": 'Tahap {stage} harus dapat meneruskan ("teruskan" atau "setujui").',
  "config.stage.hold_no_resume":
    'Tahap {stage} dapat menahan permohonan tetapi tidak dapat melanjutkannya ("lanjutkan").',
  "config.stage.no_return": "Tahap {stage} tidak dapat mengembalikan atau menolak permohonan.",
  "config.admins_empty": "Belum ada administrator: tidak ada yang dapat mengambil alih permohonan.",
  "config.admin_email": 'Administrator "{value}" bukan alamat surel yang sah.',
  "config.opd.code_empty": 'OPD "{name}" belum memiliki kode.',
  "config.opd.code_duplicate": 'Kode OPD "{code}" dipakai lebih dari sekali.',
  "config.opd.name_empty": 'OPD "{code}" belum memiliki nama.',
  "config.opd.org_unit": 'Unit organisasi OPD {code} harus diawali "/" (mis. "{example}").',
  "config.opd.group": 'Grup OPD {code} "{value}" bukan alamat surel yang sah.',
  "config.opd.cc": 'Tembusan OPD {code} "{value}" bukan alamat surel yang sah.',
  "config.opds_empty": "Daftar OPD kosong.",
  "config.naming.pattern": 'Pola nama pengguna "{value}" tidak dikenal.',
  "config.naming.collision": 'Aturan nama kembar "{value}" tidak dikenal.',
  "config.naming.reserved": 'Nama cadangan "{value}" tidak sah: {detail}',
  "config.letter.classification": "Kode klasifikasi surat belum diisi.",
  "config.letter.unit_code": "Kode unit pada nomor surat belum diisi.",
  "config.letter.padding": "Panjang nomor urut surat harus bilangan bulat 0\u20138.",
  "config.letter.signer_name": "Nama penanda tangan surat belum diisi.",
  "config.letter.signer_title": "Jabatan penanda tangan surat belum diisi.",
  "config.hours.invalid": "Jam kerja hari {day} tidak sah.",
  "config.hours.reversed": "Jam kerja hari {day} terbalik: selesai {end} tidak sesudah mulai {start}.",
  "config.hours.none": "Tidak ada hari kerja: isi jam kerja paling sedikit satu hari.",
  "config.holiday.date": 'Tanggal libur "{value}" tidak sah (gunakan format tttt-bb-hh).',
  "config.holiday.kind": 'Jenis libur "{value}" harus "libur" atau "cuti".',
  "config.holiday.twice": "Hari libur {date} ({name}) tercatat dua kali.",
  "config.service_minutes": "Standar waktu layanan harus lebih dari 0 menit.",
  "config.targets_exceed":
    "Jumlah target semua tahap ({total} menit) melebihi standar waktu layanan ({service} menit).",
  "config.reminder": "Pengingat harus antara 1 dan 100 persen dari target waktu.",
  "config.retention": "Masa simpan data pribadi harus bilangan bulat lebih dari 0 hari.",
  "config.unused_credential": "Batas hari kata sandi sementara harus bilangan bulat lebih dari 0.",
  "config.complaints": "Saluran pengaduan belum diisi (wajib diumumkan dalam standar pelayanan).",
  "day.1": "Senin",
  "day.2": "Selasa",
  "day.3": "Rabu",
  "day.4": "Kamis",
  "day.5": "Jumat",
  "day.6": "Sabtu",
  "day.7": "Minggu",

  // ── Letter number pattern (domain/letters.ts) ────────────────────────────
  "letter.pattern.empty": "Pola nomor surat kosong.",
  "letter.pattern.unknown":
    "Pola nomor surat memakai isian yang tidak dikenal: {unknown}. Yang dikenal: {known}.",
  "letter.pattern.serial": "Pola nomor surat harus memuat {placeholder}.",
  "letter.pattern.braces": "Pola nomor surat memuat kurung kurawal yang tidak berpasangan.",

  // ── The settings sheets (domain/settings.ts); the keys stay Indonesian identifiers ──
  "settings.header.key": "Kunci",
  "settings.header.value": "Nilai",
  "settings.header.help": "Keterangan",
  "settings.header.order": "Urutan",
  "settings.header.stage_key": "Kunci",
  "settings.header.stage_name": "Nama Tahap",
  "settings.header.role": "Peran",
  "settings.header.officials": "Pejabat (surel)",
  "settings.header.delegates": "Delegasi (surel)",
  "settings.header.actions": "Tindakan",
  "settings.header.target": "Target (menit)",
  "settings.header.opd_code": "Kode",
  "settings.header.opd_name": "Nama",
  "settings.header.org_unit": "Unit Organisasi",
  "settings.header.group": "Grup",
  "settings.header.cc": "Tembusan Surat",
  "settings.header.date": "Tanggal",
  "settings.header.holiday_name": "Nama",
  "settings.header.holiday_kind": "Jenis (libur/cuti)",
  "settings.unknown_key": 'Kunci "{key}" tidak dikenal; baris ini diabaikan.',
  "settings.row": "baris {row}",
  "settings.number": '"{value}" bukan angka yang sah (paling kecil {min}).',
  "settings.language": 'Bahasa "{value}" tidak dikenal: isi "id" atau "en".',
  "settings.time_zone": 'Zona waktu "{value}" tidak dikenal.',
  "settings.naming.collision": 'Aturan nama sama "{value}" tidak dikenal.',
  "settings.signer_nip":
    'NIP penanda tangan "{value}" harus 18 digit angka. Bila tampil seperti 1,97E+17, format sel sebagai teks biasa (Format \u2192 Angka \u2192 Teks biasa) lalu ketik ulang.',
  "settings.hours.unreadable": 'Jam kerja "{value}" tidak dapat dibaca. Contoh yang benar: "{example}".',
  "settings.hours.order": 'Jam kerja "{value}": jam mulai harus sebelum jam selesai.',
  "settings.hours.empty": "Jam kerja kosong: isi paling sedikit satu hari kerja.",
  "settings.stage.action": 'Tindakan "{action}" tidak dikenal. Pilihan: {choices}.',
  "settings.stage.email": '"{value}" bukan alamat surel yang sah.',
  "settings.stage.target": 'Target waktu "{value}" harus berupa jumlah menit lebih dari 0.',
  "settings.stages_empty": "Rantai disposisi kosong: isi paling sedikit satu tahap.",
  "settings.holiday.date": 'Tanggal "{value}" tidak dapat dibaca: tulis sebagai 2026-12-25.',
  "settings.help.nama_pemerintah": "Nama pemerintah daerah pada kop surat",
  "settings.help.nama_dinas": "Nama dinas pada kop surat",
  "settings.help.singkatan_dinas": "Singkatan dinas",
  "settings.help.alamat": "Alamat kantor",
  "settings.help.telepon": "Telepon kantor",
  "settings.help.surel_dinas": "Alamat surel dinas",
  "settings.help.situs": "Situs web dinas",
  "settings.help.kota": "Tempat penandatanganan surat",
  "settings.help.domain": "Domain akun baru, mis. contohkota.go.id",
  "settings.help.bahasa": "Bahasa pesan: id atau en",
  "settings.help.zona_waktu": "Asia/Jakarta, Asia/Pontianak, Asia/Makassar atau Asia/Jayapura",
  "settings.help.admin": "Surel administrator, dipisah koma",
  "settings.help.pola_nama_pengguna": "first.last, firstlast, first_last atau f.last",
  "settings.help.nama_sama": "initial-then-number (inisial lalu angka) atau number (angka)",
  "settings.help.nama_dilarang": "Nama pengguna yang tidak boleh dipakai, dipisah koma",
  "settings.help.pola_nomor_surat": "Pola nomor surat: {example}",
  "settings.help.kode_klasifikasi": "Kode klasifikasi arsip, mis. 500.12.6",
  "settings.help.kode_unit": "Kode unit pada nomor surat",
  "settings.help.panjang_nomor": "Nomor urut diisi nol di depan sampai sepanjang ini (0 = tidak)",
  "settings.help.sifat": "Sifat surat",
  "settings.help.lampiran": "Lampiran surat",
  "settings.help.hal": "Hal surat",
  "settings.help.penandatangan_nama": "Nama pejabat penanda tangan",
  "settings.help.penandatangan_jabatan": "Jabatan penanda tangan",
  "settings.help.penandatangan_pangkat": "Pangkat/golongan penanda tangan",
  "settings.help.penandatangan_nip": "NIP penanda tangan (18 digit)",
  "settings.help.jam_kerja": "Mis. {example}",
  "settings.help.cuti_bersama_libur": "Ya jika cuti bersama dihitung hari libur",
  "settings.help.standar_waktu_menit":
    "Standar waktu seluruh layanan, dalam menit kerja (1 hari kerja = 510 menit pada jam kerja bawaan)",
  "settings.help.pengingat_persen": "Pengingat dikirim saat sekian persen target tahap terlewati",
  "settings.help.retensi_hari": "Data pribadi permohonan yang selesai dihapus setelah sekian hari",
  "settings.help.reset_kredensial_hari":
    "Kata sandi awal yang tidak pernah dipakai direset setelah sekian hari",
  "settings.help.pengaduan": "Saluran pengaduan yang dicantumkan pada tanda terima",

  // ── Usernames (domain/naming.ts checkUsername) ───────────────────────────
  "naming.empty": "Nama pengguna kosong.",
  "naming.too_long": "Nama pengguna paling panjang {max} karakter.",
  "naming.uppercase": "Nama pengguna harus huruf kecil.",
  "naming.bad_chars":
    "Nama pengguna hanya boleh berisi huruf a\u2013z, angka 0\u20139, tanda hubung (-), garis bawah (_), apostrof (') dan titik (.).",
  "naming.double_dot": "Nama pengguna tidak boleh memuat dua titik berturut-turut.",
  "naming.edge_dot": "Nama pengguna tidak boleh diawali atau diakhiri titik.",
  "naming.reserved": 'Nama pengguna "{name}" dicadangkan dan tidak dapat dipakai.',

  // ── Duplicate check (domain/duplicates.ts, workspace/duplicates.ts) ─────
  "duplicate.verdict.aman": "aman",
  "duplicate.verdict.kemungkinan_duplikat": "kemungkinan duplikat",
  "duplicate.verdict.sudah_terdaftar": "sudah terdaftar",
  "duplicate.proposed": "{verdict} \u2013 usulan alamat: {address}",
  "duplicate.kind.user": "akun pengguna",
  "duplicate.kind.alias": "alias",
  "duplicate.kind.group": "grup",
  "duplicate.address_in_directory": "Alamat {address} sudah dipakai sebagai {what} di direktori.",
  "duplicate.address_in_directory_owner":
    "Alamat {address} sudah dipakai sebagai {what} milik {owner} di direktori.",
  "duplicate.nip_in_directory": "NIP pemohon sudah tercatat pada akun {address} di direktori.",
  "duplicate.identity_account":
    "Pemohon yang sama (NIP/NIK sama) sudah dibuatkan akun {address} melalui tiket {ticket}.",
  "duplicate.identity_account_no_address":
    "Pemohon yang sama (NIP/NIK sama) sudah dibuatkan akun melalui tiket {ticket}.",
  "duplicate.identity_open":
    "Pemohon yang sama (NIP/NIK sama) masih memiliki permohonan terbuka: tiket {ticket} ({status}).",
  "duplicate.address_account": "Alamat {address} sudah dibuat untuk tiket {ticket}.",
  "duplicate.address_open": "Alamat {address} juga diminta oleh tiket {ticket} yang masih diproses.",
  "duplicate.same_name": "Nama yang sama ({name}) di OPD yang sama pada tiket {ticket} ({status}).",
  "duplicate.wish_unusable":
    "Usulan nama pengguna \u201c{wish}\u201d tidak dapat dipakai (sudah terpakai atau tidak sesuai aturan).",
  "duplicate.no_free_address":
    "Tidak ada alamat yang bebas menurut aturan penamaan: staf perlu menentukan alamat secara manual.",
  "duplicate.directory_unavailable":
    "Direktori tidak dapat diperiksa ({detail}); pemeriksaan diulang sebelum akun dibuat.",

  // ── Log verification (domain/audit.ts) ───────────────────────────────────
  "audit.inserted": "Entri log #{seq} muncul lebih dari sekali atau di tempat yang salah (disisipkan).",
  "audit.reordered": "Urutan log berubah: entri #{seq} ada di baris lain (posisi {position}).",
  "audit.missing": "Entri log {range} hilang (terhapus).",
  "audit.bad_start": "Entri log #{seq} tidak tersambung ke awal rantai.",
  "audit.edited_before": "Entri log #{seq} diubah (hash-nya tidak cocok dengan entri #{next}).",
  "audit.edited": "Isi entri log #{seq} diubah.",
  "audit.truncated":
    "Log berakhir di #{last}, padahal entri terakhir yang tercatat #{head}: entri akhir terhapus.",
  "audit.head_mismatch": "Entri log #{seq} tidak sama dengan yang tercatat terakhir.",
  "audit.anchor_mismatch":
    "Entri log #{seq} tidak lagi sama dengan yang sudah diperiksa sebelumnya: log ditulis ulang sampai entri ini.",

  // ── Sheets, register cells, menus (workspace/*, handlers/*) ──────────────
  "common.unknown": "(tidak dikenal)",
  "common.empty": "(kosong)",
  "sheet.row": "baris {row}",
  "sheet.missing": 'Lembar "{name}" tidak ada: jalankan menu Surel \u2192 Siapkan.',
  "sheet.settings_missing": "Lembar pengaturan belum ada: jalankan menu Surel \u2192 Siapkan.",
  "register.action_help": "Pilih tindakan yang tersedia untuk tahap ini.",
  "register.late": "(terlambat)",
  "common.system": "sistem",
  "intake.correction_received": "perbaikan diterima",
  "provision.alias_of": "alias milik {owner}",
  "letter.serial_invalid": "Nomor urut surat tidak sah: {serial}.",
  "provision.archive_pdf_name": "Arsip {number}.pdf",
  "intake.log.problems": "{count} catatan data",
  "calendar.no_working_days":
    "Kalender kerja tidak memiliki hari kerja: periksa jam kerja dan daftar hari libur.",
  "provision.pdf_name": "Surat Akun Surel Dinas {number}.pdf",
  "menu.setup": "Siapkan / perbaiki (setup)",
  "menu.verify": "Periksa keutuhan log",
  "menu.sweep": "Jalankan penyapuan sekarang",
  "menu.reissue": "Terbitkan ulang surat akun",
  "mail.sender": "{office} \u2013 Layanan Surel Dinas",
  "directory.not_enabled":
    "Layanan lanjutan Admin SDK Directory (AdminDirectory) belum diaktifkan untuk skrip ini.",
  "directory.address_taken": "Alamat {address} sudah dipakai di direktori.",
  "docs.not_enabled": "Layanan lanjutan Docs belum diaktifkan untuk skrip ini.",
  "drive.not_enabled": "Layanan lanjutan Drive belum diaktifkan untuk skrip ini.",

  // ── Setup report (handlers/setup.ts) ─────────────────────────────────────
  "setup.alert_title": "Surel \u2013 hasil setup",
  "setup.form_kept": "Formulir sudah ada dan dipakai kembali: {url}",
  "setup.form_created": "Formulir permohonan dibuat: {url}",
  "setup.upload_note":
    "Catatan: Google Forms tidak mengizinkan skrip membuat pertanyaan unggah berkas. Bila dinas ingin pemohon mengunggah pindaian surat permohonan, tambahkan sendiri pertanyaan \u201cUnggah file\u201d di editor formulir (pemohon lalu wajib masuk dengan akun Google); nomor dan tanggal surat tetap ditanyakan.",
  "setup.protect.register":
    "Kolom milik program Surel: hanya Tindakan, Catatan Tindakan dan Alamat Surel yang diisi pejabat.",
  "setup.protect.log": "Log disposisi: hanya program Surel yang menulis.",
  "setup.protect.index": "Indeks respons: hanya program Surel yang menulis.",
  "setup.protect.queue": "Antrean surel: hanya program Surel yang menulis.",
  "setup.protect.errors": "Log galat: hanya program Surel yang menulis.",
  "setup.protect.settings": "Pengaturan Surel: hanya administrator.",
  "setup.sheets_created": "Lembar dibuat: {sheets}.",
  "setup.sheets_exist": "Semua lembar sudah ada.",
  "setup.triggers": "Pemicu: {created} dibuat, {kept} sudah ada, {deleted} duplikat/usang dihapus.",
  "setup.settings_ok": "Pengaturan sudah lengkap dan sah.",
  "setup.level.error": "Galat",
  "setup.level.warning": "Peringatan",
  "setup.problem": "{level} di lembar {sheet} ({key}): {message}",
  "setup.problem_row": "{level} di lembar {sheet} baris {row} ({key}): {message}",
  "setup.unknown_user": "Peringatan: akun yang menjalankan setup tidak dikenali.",

  // ── Edits of the register and the settings (handlers/edit.ts) ────────────
  "settings.problem_at": "{sheet} ({key}): {message}",
  "settings.problem_at_row": "{sheet} baris {row} ({key}): {message}",
  "settings.edit.more": "(dan {count} masalah lain)",
  "settings.edit.title": "Surel: pengaturan bermasalah",
  "settings.edit.logged": "Pengaturan bermasalah setelah diubah: {problems}",
  "edit.queued_note":
    "Buat akun dicatat ({time}, {actor}): akun sedang dibuat. Permintaan masuk antrean pembuatan akun; hasilnya tampil di baris ini (Status, Status Pembuatan, Nomor Surat) dalam beberapa menit, dan surat akun dikirim ke pemohon.",
  "edit.undone_note": "Perubahan dibatalkan oleh sistem: {reason}",
  "edit.undone_title": "Surel: perubahan dibatalkan",
  "edit.not_a_request": "Baris ini bukan permohonan.",
  "edit.log.action": "tindakan \u201c{value}\u201d",
  "edit.log.address": "alamat \u201c{value}\u201d",
  "edit.log.column": "ubah kolom {cell}",
  "edit.log.paste": "tempel {range}",
  "edit.address.who":
    "Alamat surel hanya dapat diubah oleh petugas tahap {stage} saat permohonan berada di tahap itu, atau oleh administrator.",
  "edit.address.technical": "teknis",
  "edit.address.closed": "Akun sudah dibuat atau permohonan sudah ditutup: alamat tidak dapat diubah lagi.",
  "edit.address.domain": "Alamat harus berdomain @{domain}.",
  "edit.address.taken": "Alamat {address} sudah dipakai atau dicadangkan.",
  "edit.address.changed": "Alamat diubah menjadi {address}.",
  "edit.address.changed_note": "Alamat diubah menjadi {address} oleh {actor}; pemeriksaan duplikat diulang.",
  "edit.program_column":
    "Kolom ini diisi oleh program Surel dan tidak boleh diubah langsung. Gunakan kolom Tindakan.",
  "edit.paste":
    "Menempel atau mengubah banyak sel sekaligus di register tidak diizinkan: ubah satu sel Tindakan per permohonan.",
  "edit.paste_logged":
    "Tempelan {range} oleh {actor} mengenai kolom milik program. Tindakan, catatan dan alamat surel dipulihkan; status dan tahap dipulihkan penyapuan dari log; data pribadi yang tertimpa tidak dapat dipulihkan otomatis, dan baris itu tidak dibuatkan akun maupun surat sampai datanya dikembalikan seperti semula (Riwayat versi).",
  "intake.correction_unsent":
    "Perbaikan dari baris respons {row} tercatat, tetapi pemberitahuannya mungkin belum terkirim.",

  // ── The sweep and the log check (flows/reconcile.ts, verify.ts) ──────────
  "sweep.where": "Penyapuan: baris {row} (tiket {ticket})",
  "sweep.complaint_restored":
    "Penyapuan: baris {row} lembar Pengaduan ({number}) mencatat entri log #{seq}, padahal entri terakhirnya #{last}; baris diperbarui dari log (status {status}).",
  "sweep.no_history":
    "{where} merujuk entri log #{seq}, tetapi tiket ini tidak punya riwayat di log disposisi; statusnya \u201c{shown}\u201d tidak dapat dipastikan. Baris tidak diubah: periksa dengan menu Periksa keutuhan log.",
  "sweep.history_lost":
    "{where} merujuk entri log #{seq}, padahal entri terakhir tiket ini di log #{last}: riwayat mungkin hilang. Baris tidak diubah: periksa dengan menu Periksa keutuhan log.",
  "sweep.seq_fixed":
    "{where} mencatat entri log #{seq}, padahal entri terakhirnya #{last}; nomor log diperbaiki.",
  "sweep.row_restored":
    "{where} menunjukkan \u201c{shown}\u201d, padahal log mencatat \u201c{expected}\u201d (entri #{last}); baris dipulihkan dari log.",
  "sweep.more_flags":
    "Penyapuan: {count} baris lain juga tidak cocok dengan log disposisi (tiket {tickets}\u2026).",
  "verify.title": "Surel: pemeriksaan log",
  "verify.empty": "Log disposisi masih kosong; tidak ada yang perlu diperiksa.",
  "verify.ok": "Log disposisi utuh: {count} entri diperiksa, rantai hash cocok sampai entri #{seq}.",
  "verify.ok_since":
    "Log disposisi utuh: {count} entri baru diperiksa (sampai #{seq}); entri sebelumnya sudah diperiksa dan entri #{from} masih sama dengan saat itu.",
  "verify.partial":
    "Log disposisi utuh sampai entri #{seq} dari {total}; waktu eksekusi habis. Minta pemeriksaan lagi untuk melanjutkan dari entri #{seq}.",
  "verify.full_ok": "Pemeriksaan ulang seluruh log selesai: log disposisi utuh dari entri #1 sampai #{seq}.",
  "verify.full_partial":
    "Pemeriksaan ulang seluruh log berjalan: utuh sampai entri #{seq} dari {total}. Penyapuan berikutnya (atau permintaan yang sama) melanjutkannya.",
  "verify.broken":
    "Log disposisi TIDAK utuh. {reason} Periksa lembar \u201c{sheet}\u201d mulai baris {row}; entri sebelum #{seq} masih dapat dipercaya.",
  "verify.broken_ticket":
    "Log disposisi TIDAK utuh. {reason} Periksa lembar \u201c{sheet}\u201d mulai baris {row} (tiket {ticket}); entri sebelum #{seq} masih dapat dipercaya.",

  // ── The credential letter's resources (workspace/letter.ts) ──────────────
  "letter.name.template": "Templat Surat Pemberitahuan Akun Surel Dinas",
  "letter.name.archive": "Arsip Surat Pemberitahuan Akun Surel Dinas (terbatas)",
  "letter.name.work": "Surel Dinas \u2013 berkas kerja sementara (dihapus otomatis)",
  "letter.description.template":
    "Templat surat pemberitahuan akun surel dinas. Boleh disunting administrator; isian {example} diisi program (lihat docs/LETTER.md). Jangan menuliskan kata sandi di sini.",
  "letter.description.archive":
    "Arsip surat pemberitahuan akun (kata sandi disamarkan). Akses terbatas: pemilik skrip dan administrator (hanya baca).",
  "letter.description.work":
    "Salinan kerja surat (memuat kata sandi beberapa detik); dihapus permanen oleh program.",
  "letter.template.unknown": "isian tidak dikenal: {placeholders} (daftar isian: docs/LETTER.md)",
  "letter.template.braces": "kurung kurawal tidak berpasangan: {text}",
  "letter.template.missing": "templat tidak memuat {placeholder}",
  "letter.template.unfilled": "isian tidak terisi: {placeholders}. Isian yang dikenal: {known}.",
  "letter.template.no_password": "templat tidak memuat {placeholder}: surat tanpa kata sandi tidak dikirim",
  "letter.not_set_up": "{what} belum disiapkan: jalankan menu Surel \u2192 Siapkan.",
  "letter.what.template": "Templat surat",
  "letter.what.archive": "Folder arsip surat",
  "letter.what.work": "Folder kerja surat",
  "letter.template.foreign":
    "Templat surat yang tercatat ({id}) tidak dibuat oleh Surel, sehingga Surel tidak dapat menyalinnya menjadi surat: izin Drive Surel hanya menjangkau berkas yang dibuatnya sendiri (drive.file). Templat itu tidak dipakai dan tidak diganti. Yang perlu dilakukan: akun layanan menghapus properti skrip {key} di Setelan proyek, menjalankan setup lagi (Surel membuat templatnya sendiri), lalu menyalin isi dan kop templat kantor ke templat baru itu; isian {example} ada di docs/LETTER.md. Sampai itu selesai, surat akun tidak dapat dibuat.",
  "letter.work_copy_left": "Salinan kerja surat {id} belum terhapus: {detail}",

  // ── Provisioning details (flows/provision/) ─────────────────────────────
  "provision.detail.no_address": "alamat kosong",
  "provision.detail.domain": "domain harus @{domain}",
  "provision.detail.no_name": "nama pemohon kosong",
  "provision.recheck": "{verdict} \u2013 diperiksa ulang sebelum akun dibuat: {address}",
  "provision.maybe_sent": "surat mungkin terkirim: {detail}",
  "provision.failed_action": "gagal membuat akun",
  "provision.cleanup_failed": "salinan kerja surat: {detail}",
  "provision.log.finished": "surat {number}",
  "provision.log.reissued": "surat {number} menggantikan {previous}; kata sandi baru",
  "provision.log.expired":
    "kata sandi sementara tidak dipakai dalam {days} hari: diganti kata sandi acak yang tidak diketahui siapa pun",
  "provision.log.expired_gone": "akun tidak ditemukan di direktori",
  "provision.expired.gone": "akun tidak ada lagi di direktori",
  "provision.log.reissue_requested": "status pembuatan sebelumnya: {label}",
  "provision.reissue.title": "Surel \u2013 terbitkan ulang surat akun",
  "provision.reissue.prompt":
    "Nomor tiket permohonan (mis. SRL-2611-0007). Surat baru dengan kata sandi baru dikirim oleh penyapuan berikutnya.",
  "provision.reissue.not_admin": "hanya administrator yang dapat menerbitkan ulang surat akun.",
  "provision.reissue.no_ticket": "tiket tidak ditemukan di register.",
  "provision.reissue.not_created": "akun belum dibuat (status {status}).",
  "provision.reissue.erased":
    "data pribadi permohonan ini sudah dihapus karena masa retensinya habis; pemohon perlu mengajukan permohonan baru.",
  "provision.reissue.not_recorded": "akun belum tercatat dibuat.",
  "provision.reissue.pending": "penerbitan ulang sudah diminta dan menunggu penyapuan.",
  "provision.reissue.busy": "surat sedang diproses; coba lagi beberapa menit lagi.",

  // ── Dates and durations ──────────────────────────────────────────────────
  "month.1": "Januari",
  "month.2": "Februari",
  "month.3": "Maret",
  "month.4": "April",
  "month.5": "Mei",
  "month.6": "Juni",
  "month.7": "Juli",
  "month.8": "Agustus",
  "month.9": "September",
  "month.10": "Oktober",
  "month.11": "November",
  "month.12": "Desember",
  "datetime.at": "{date} pukul {time} {zone}",
  "duration.days": "{count} hari kerja",
  "duration.hours": "{hours} jam kerja",
  "duration.hours_minutes": "{hours} jam {minutes} menit kerja",
  "duration.minutes": "{minutes} menit kerja",

  // ── Service standard (Permenpan RB 15/2014) ──────────────────────────────
  "standard.heading": "Standar pelayanan",
  "standard.requirements":
    "Persyaratan: formulir permohonan daring yang diisi lengkap dan benar; surat permohonan dari kepala perangkat daerah (nomor dan tanggal surat); NIP atau NI PPPK bagi ASN.",
  "standard.procedure":
    "Prosedur: permohonan diperiksa dan didisposisikan berjenjang ({chain}), lalu akun dibuat.",
  "standard.time": "Waktu penyelesaian: {duration} sejak permohonan lengkap diterima.",
  "standard.cost": "Biaya: tidak dipungut biaya.",
  "standard.product": "Produk: akun surel dinas @{domain} dan surat pemberitahuan akun.",
  "standard.complaints": "Pengaduan: {complaints}",

  // ── Receipt mail ─────────────────────────────────────────────────────────
  "mail.receipt.subject": "Tanda terima permohonan surel dinas \u2013 {ticket}",
  "mail.greeting": "Yth. {name},",
  "mail.receipt.intro":
    "Permohonan akun surel dinas Anda telah kami terima pada {when} dengan nomor tiket {ticket}. Sebutkan nomor tiket ini bila menanyakan perkembangan permohonan.",
  "mail.receipt.summary": "Ringkasan permohonan:",
  "mail.receipt.next_heading": "Langkah selanjutnya",
  "mail.receipt.next":
    "Permohonan Anda diperiksa dan didisposisikan berjenjang ({chain}). Setelah disetujui, akun dibuat dan surat pemberitahuan akun berisi nama pengguna dan kata sandi awal dikirim ke alamat surel ini.",
  "mail.receipt.problems_heading": "Data yang perlu diperbaiki",
  "mail.receipt.problems":
    "Permohonan Anda tercatat, tetapi baru dapat diproses setelah data berikut diperbaiki. Ajukan kembali formulir dengan data yang benar dan isikan nomor tiket {ticket} pada kolom \u201cNomor tiket sebelumnya\u201d serta kode rahasia dari surel ini pada kolom \u201cKode status dari tanda terima\u201d.",
  "mail.receipt.warnings_heading": "Catatan (tidak menghambat proses)",
  "mail.brand": "Layanan Pendaftaran Surel Dinas",
  "mail.footer":
    "Surel ini dikirim otomatis oleh Layanan Pendaftaran Surel Dinas \u2013 {office}, {government}. Pertanyaan: {contact}.",

  // ── "Perlu perbaikan" mail ───────────────────────────────────────────────
  "mail.correction.subject": "Permohonan surel dinas {ticket} perlu perbaikan",
  "mail.correction.intro":
    "Permohonan akun surel dinas Anda dengan nomor tiket {ticket} belum dapat diproses karena hal berikut perlu diperbaiki:",
  "mail.correction.note": "Catatan petugas: {note}",
  "mail.correction.how":
    "Silakan ajukan kembali formulir permohonan dengan data yang sudah diperbaiki dan isikan nomor tiket {ticket} pada kolom \u201cNomor tiket sebelumnya\u201d serta kode rahasia dari surel tanda terima permohonan itu pada kolom \u201cKode status dari tanda terima\u201d.",
  "mail.correction.link": "Formulir permohonan: {url}",

  // ── Notices to officials ─────────────────────────────────────────────────
  "notice.stage.subject": "[{ticket}] Permohonan surel dinas menunggu tindakan Anda – {stage}",
  "notice.stage.intro":
    "Permohonan surel dinas {ticket} atas nama {name} ({opd}) kini berada di tahap {stage} dan menunggu tindakan Anda.",
  "notice.stage.previous": "Tindakan sebelumnya: {action} oleh {actor}.",
  "notice.stage.reason": "Catatan: {note}",
  "notice.stage.due": "Batas waktu tahap ini: {due} (target {minutes} menit kerja).",
  "notice.stage.duplicate": "Cek duplikat: {verdict}.",
  "notice.stage.how":
    "Buka register, pilih tindakan pada kolom “Tindakan” di baris permohonan ini, dan tulis alasan pada kolom “Catatan Tindakan” bila diperlukan.",
  "notice.stage.link": "Buka baris permohonan di register",
  "notice.admin.subject": "[{ticket}] Perlu perhatian administrator",
  "notice.admin.intro": "Permohonan {ticket} atas nama {name} perlu perhatian: {note}",
  // ── Notices to the applicant ─────────────────────────────────────────────
  "notice.applicant.rejected.subject": "Permohonan surel dinas {ticket} ditolak",
  "notice.applicant.rejected.intro":
    "Dengan berat hati kami sampaikan bahwa permohonan akun surel dinas Anda dengan nomor tiket {ticket} tidak dapat kami setujui.",
  "notice.applicant.reason": "Alasan: {reason}",
  "notice.applicant.rejected.next":
    "Bila Anda berkeberatan atau ada data yang keliru, Anda dapat mengajukan permohonan baru atau menyampaikan pengaduan melalui saluran pengaduan di bawah.",
  "notice.applicant.held.subject": "Permohonan surel dinas {ticket} ditunda sementara",
  "notice.applicant.held.intro":
    "Permohonan akun surel dinas Anda dengan nomor tiket {ticket} ditunda sementara.",
  "notice.applicant.resumed.subject": "Permohonan surel dinas {ticket} diproses kembali",
  "notice.applicant.resumed.intro":
    "Permohonan akun surel dinas Anda dengan nomor tiket {ticket} kini diproses kembali.",
  "notice.applicant.corrected.subject": "Perbaikan permohonan surel dinas {ticket} diterima",
  "notice.applicant.corrected.intro":
    "Perbaikan data permohonan akun surel dinas Anda dengan nomor tiket {ticket} telah kami terima. Permohonan Anda kembali diproses dari awal, riwayatnya tetap tersimpan.",
  "notice.applicant.unknown_ticket":
    "Nomor tiket sebelumnya “{ticket}” tidak ditemukan atau tidak sedang menunggu perbaikan; permohonan ini dicatat sebagai permohonan baru.",
  // ── Provisioning: the account, the credential letter (flows/provision/) ──
  "provision.mail.subject": "Akun surel dinas Anda telah dibuat \u2013 {ticket}",
  "provision.mail.intro":
    "Akun surel dinas Anda untuk permohonan dengan nomor tiket {ticket} telah dibuat dengan alamat {address}.",
  "provision.mail.letter":
    "Surat pemberitahuan akun nomor {number} terlampir sebagai berkas PDF. Surat itu memuat nama pengguna dan kata sandi sementara Anda; kata sandi tidak dituliskan di badan surel ini.",
  "provision.mail.steps_heading": "Masuk pertama kali",
  "provision.mail.step1": "Buka {url} dan masuk dengan alamat {address}.",
  "provision.mail.step2":
    "Masukkan kata sandi sementara dari surat terlampir, lalu ganti dengan kata sandi baru yang kuat (paling sedikit 12 karakter).",
  "provision.mail.step3":
    "Masuklah paling lambat {deadline}; sesudah itu kata sandi sementara tidak berlaku lagi.",
  "provision.mail.step4": "Aktifkan verifikasi dua langkah setelah masuk.",
  "provision.mail.care":
    "Jangan meneruskan surel ini atau suratnya kepada siapa pun, termasuk petugas kami. Hapus surel ini setelah Anda mengganti kata sandi.",
  "provision.opd.subject": "Tembusan: akun surel dinas {address} telah dibuat \u2013 {ticket}",
  "provision.opd.intro":
    "Untuk diketahui, akun surel dinas {address} atas nama {name} (NIP {nip}, {opd}) telah dibuat dan surat pemberitahuan nomor {number} telah dikirim kepada yang bersangkutan.",
  "provision.opd.copy":
    "Salinan arsip surat terlampir. Kata sandi sementara tidak dimuat di salinan ini; kata sandi hanya dikirim kepada pemilik akun.",
  "provision.expired.subject": "Kata sandi sementara akun surel dinas {address} tidak berlaku lagi",
  "provision.expired.intro":
    "Akun surel dinas {address} (tiket {ticket}) belum pernah dipakai masuk sejak surat pemberitahuan nomor {number} dikirim. Demi keamanan, kata sandi sementara dalam surat itu kini tidak berlaku lagi.",
  "provision.expired.next":
    "Untuk mendapatkan kata sandi baru, ajukan atur ulang kata sandi melalui formulir Layanan Akun Surel Dinas (kata sandi baru hanya dikirim ke surel pribadi yang tercatat untuk akun ini), atau hubungi {contact} dengan menyebutkan nomor tiket {ticket}.",
  "provision.fail.not_authorized":
    "Akun {user} yang memasang pemicu Surel tidak berwenang mengelola pengguna di Google Workspace, sehingga akun tidak dapat dibuat. Pemicu harus dipasang oleh super admin atau admin yang diberi hak mengelola pengguna: akun tersebut menjalankan menu Surel \u2192 Siapkan, lalu petugas memilih \u201cBuat akun\u201d lagi. (Pesan Google: {detail})",
  "provision.fail.address_taken":
    "Alamat {address} sudah dipakai di direktori ({owner}). Ubah kolom Alamat Surel, lalu pilih \u201cBuat akun\u201d lagi.",
  "provision.fail.duplicate": "Pemeriksaan ulang sebelum pembuatan akun menemukan: {detail}",
  "provision.fail.no_address":
    "Alamat surel belum ditentukan atau tidak sah ({detail}). Isi kolom Alamat Surel, lalu pilih \u201cBuat akun\u201d lagi.",
  "provision.fail.no_personal_email":
    "Surel pribadi pemohon kosong atau tidak sah: surat pemberitahuan akun tidak dapat dikirim. Permohonan perlu dikembalikan untuk perbaikan.",
  "provision.fail.invalid":
    "Google menolak data akun: {detail}. Periksa pengaturan OPD (unit organisasi) dan data pemohon, lalu pilih \u201cBuat akun\u201d lagi.",
  "provision.fail.template": "Templat surat pemberitahuan bermasalah: {detail}",
  "provision.fail.gave_up":
    "Langkah pembuatan akun atau pengiriman surat untuk alamat {address} gagal {count} kali berturut-turut; penyapuan berhenti mencoba. Galat terakhir: {detail}",
  "provision.warn.failure":
    "Pembuatan akun atau pengiriman surat untuk alamat {address} tertunda karena galat; penyapuan akan mencoba lagi. Galat: {detail}",
  "provision.warn.group": "Akun {address} belum dapat ditambahkan ke grup {group}: {detail}",
  "provision.warn.uncertain":
    "Eksekusi terputus ketika surat pemberitahuan untuk {address} sedang dikirim, dan tidak dapat dipastikan apakah surat itu terkirim. Tanyakan kepada pemohon; bila surat tidak diterima, pilih menu Surel \u2192 Terbitkan ulang surat akun dan isikan nomor tiketnya.",
  "provision.setup.template_created":
    "Templat surat pemberitahuan akun dibuat (boleh disunting administrator): {url}",
  "provision.setup.template_kept": "Templat surat pemberitahuan akun sudah ada dan dipakai kembali: {url}",
  "provision.setup.template_problem": "Peringatan templat surat: {detail}",
  "provision.setup.archive_created": "Folder arsip surat (akses terbatas) dibuat: {url}",
  "provision.setup.archive_kept": "Folder arsip surat (akses terbatas) sudah ada: {url}",
  "provision.reissue.done":
    "Penerbitan ulang surat akun untuk tiket {ticket} dicatat: surat baru dengan kata sandi baru dikirim oleh penyapuan berikutnya (paling lama 10 menit).",
  "provision.reissue.refused": "Surat akun untuk tiket {ticket} tidak dapat diterbitkan ulang: {reason}",
  "provision.reissue.pick": "Isikan nomor tiket permohonan, mis. SRL-2611-0007.",
  // ── Retention of personal data (UU PDP) ────────────────────────────────────
  "retention.marker": "[dihapus {date}]",
  "retention.complaint_log_note":
    "Data pribadi pengadu dihapus setelah masa simpan {days} hari sejak pengaduan selesai: {fields}.",
  "retention.batch_log_note":
    "Data pribadi daftar permohonan massal {batch} dihapus setelah masa simpan {days} hari sejak permohonannya ditutup: {rows} baris orang dan kontak OPD; tiket, nomor baris, masalah (tanpa data pribadi) dan surat permohonan tetap.",
  "retention.log_note":
    "Data pribadi dihapus setelah masa simpan {days} hari sejak permohonan ditutup: {fields}; {rows} baris respons formulir.",
  "retention.response_unlocated":
    "Data pribadi tiket {ticket} sudah dihapus dari register, tetapi {count} respons formulirnya tidak ditemukan menurut identitasnya (baris itu dihapus, diubah, atau tercatat tanpa identitas): respons itu tidak disentuh (baris yang kini ada di tempatnya bisa milik orang lain). Periksa lembar Respons Formulir dan hapus data pribadi permohonan ini secara manual bila masih ada.",

  // ── Trust boundary and admin requests (flows/admin.ts, setup) ────────────
  "trust.no_register": "Register belum ada: jalankan setup sekali dari editor skrip dengan akun layanan.",
  "trust.sweep_other_account":
    "Penyapuan tidak dijalankan: pemicunya berjalan sebagai {me}, padahal akun layanan yang tercatat adalah {installer}. Hapus pemicu akun itu; hanya akun layanan yang memasang pemicu.",
  "trust.worker_other_account":
    "Pembuatan akun dari antrean tidak dijalankan: pemicunya berjalan sebagai {me}, padahal akun layanan yang tercatat adalah {installer}. Hapus pemicu akun itu; hanya akun layanan yang memasang pemicu.",
  "trust.unknown_account":
    "Setup dihentikan sebelum mengubah apa pun: Google tidak menyebut akun yang menjalankannya. Jalankan setup dari editor skrip dengan akun layanan dinas.",
  "trust.bound":
    "Setup dihentikan sebelum mengubah apa pun: proyek skrip ini terikat pada berkas {id}. Setiap editor berkas itu dapat mengubah kode yang berjalan dengan hak admin, jadi Surel hanya boleh berjalan sebagai proyek mandiri (standalone) milik akun layanan. Buat proyek mandiri dengan `npm run deploy` dan jalankan setup di sana.",
  "trust.other_installer":
    "Setup dihentikan sebelum mengubah apa pun: setup dijalankan oleh {me}, padahal akun layanan yang tercatat memasang Surel adalah {installer}. Hanya akun itu yang boleh menjalankan setup; administrator lain meminta \u201cPeriksa ulang setup\u201d di lembar Permintaan Admin.",
  "trust.register_missing":
    "Setup dihentikan sebelum mengubah apa pun: register tercatat ({id}) tidak dapat dibuka oleh akun layanan.",
  "trust.register_owner":
    "Setup dihentikan sebelum mengubah apa pun: register dimiliki oleh {owner}, bukan akun layanan {me}. Pemilik register dapat membuka proteksi dan mengubah log; pindahkan kepemilikan ke akun layanan.",
  "trust.file.register": "register",
  "trust.file.responses": "lembar jawaban formulir",
  "trust.register_not_ours":
    "Setup dihentikan sebelum mengubah apa pun: register ({id}) tidak dibuat oleh Surel, sehingga berbaginya tidak dapat diperiksa: izin Drive Surel hanya menjangkau berkas yang dibuatnya sendiri (drive.file). Yang perlu dilakukan: akun layanan menghapus properti skrip {key} di Setelan proyek dan menjalankan setup lagi; setup membuat register baru. Salin isi lembar Pengaturan, Tahapan, OPD dan Hari Libur ke register baru itu, lalu jalankan setup sekali lagi.",
  "trust.responses_not_ours":
    "Setup dihentikan sebelum mengubah apa pun: jawaban formulir dikirim ke spreadsheet lain ({id}) yang tidak dibuat oleh Surel, sehingga berbaginya tidak dapat diperiksa (izin drive.file). Kembalikan tujuan jawaban ke register (di formulir: Jawaban \u2192 Pilih tujuan jawaban \u2192 Pilih spreadsheet yang ada \u2192 register), lalu jalankan setup lagi.",
  "trust.sharing_unknown":
    "Setup dihentikan sebelum mengubah apa pun: berbagi {what} tidak dapat diperiksa (layanan lanjutan Drive tidak aktif atau tidak ada akses).",
  "trust.link_shared":
    "Setup dihentikan sebelum mengubah apa pun: {what} dibagikan lewat tautan kepada {who} (peran {role}). Penyunting lewat tautan tidak dikenali namanya dan dilaporkan tampil sebagai pemilik dalam peristiwa edit. Ubah akses umum menjadi \u201cDibatasi\u201d dan bagikan hanya kepada pejabat yang disebut namanya.",
  "trust.link.anyone": "siapa saja yang memiliki tautan",
  "trust.link.domain": "semua orang di domain yang memiliki tautan",
  "trust.sample_value": "Masih nilai contoh: {field} = {value}",
  "trust.group_missing": "Grup tidak ada di direktori: {group} (lembar OPD)",
  "trust.rights_unknown":
    "Galat: hak admin akun layanan tidak dapat dibaca. Periksa sendiri bahwa perannya memberi hak berikut: {rights}.",
  "trust.rights_super_admin":
    "Peringatan: {me} adalah super admin. Surel hanya memerlukan peran admin terdelegasi (lihat README); hak super admin melebihi kebutuhan.",
  "trust.right_missing": "Galat: peran admin {me} tidak memberi hak \u201c{right}\u201d.",
  "trust.rights_ok": "Hak admin {me} cukup untuk Surel.",
  "trust.rights_org_units":
    "Peran admin dibatasi pada unit organisasi: pastikan semua unit organisasi di lembar OPD berada di dalamnya.",
  "trust.register_name": "Register Surel Dinas",
  "trust.register_at": "Register: {url}",
  "trust.sample_refused":
    "Setup berhenti sebelum membagikan apa pun: {count} pengaturan masih berisi nilai contoh atau tidak ada di direktori. Ganti dengan data dinas sendiri, lalu jalankan setup lagi.",
  "trust.installer": "Pemicu dipasang dan dijalankan oleh akun layanan {me}.",
  "trust.outside_domain":
    "Peringatan: {who} berada di luar domain akun layanan. Google menyembunyikan alamatnya pada setiap edit, sehingga semua tindakannya akan ditolak; gunakan alamat dinas.",
  "trust.right.users_retrieve": "Pengguna: membaca",
  "trust.right.users_create": "Pengguna: membuat",
  "trust.right.users_update": "Pengguna: memperbarui",
  "trust.right.groups_retrieve": "Grup: membaca",
  "trust.right.org_units_retrieve": "Unit organisasi: membaca",
  "trust.right.groups_update": "Grup: memperbarui anggota",
  "admin.op.setup": "Periksa ulang setup",
  "admin.op.sweep": "Jalankan penyapuan sekarang",
  "admin.op.verify": "Periksa keutuhan log",
  "admin.op.verify_full": "Periksa ulang seluruh log",
  "admin.op.reissue": "Terbitkan ulang surat akun",
  "admin.op.address": "Ubah alamat pengiriman",
  "admin.op.resend": "Kirim ulang surel tertunda",
  "admin.op.retry": "Ulangi langkah gagal",
  "admin.refuse.hidden":
    "Google tidak menyebut alamat penyunting (akun di luar domain dinas), jadi permintaan tidak dapat diperiksa.",
  "admin.refuse.owner":
    "Edit ini tercatat atas nama akun layanan sendiri, yang tidak pernah menyunting dengan tangan: kemungkinan dibuat lewat tautan berbagi.",
  "admin.refuse.not_admin": "{who} bukan administrator yang terdaftar di lembar Pengaturan (admin).",
  "admin.refuse.unknown": "\u201c{label}\u201d bukan permintaan yang dikenal.",
  "admin.refuse.ticket": "Isi kolom Tiket terlebih dahulu, lalu pilih permintaan.",
  "admin.refuse.value": "Isi alamat baru di kolom Nilai Baru terlebih dahulu, lalu pilih permintaan.",
  "admin.refuse.reason": "Isi kolom Alasan terlebih dahulu, lalu pilih permintaan.",
  "admin.refuse.evidence":
    "Isi kolom Bukti (mis. nomor surat atau tiket pengaduan) terlebih dahulu, lalu pilih permintaan.",
  "admin.refuse.paste": "Satu permintaan dipilih di satu baris; tempelan atas beberapa sel tidak dijalankan.",
  "admin.log.request":
    "Permintaan admin: {op}; tiket {ticket}; nilai {value}; alasan: {reason}; bukti: {evidence}",
  "admin.log.result": "Hasil permintaan admin {op} (log #{seq}): {result}",
  "admin.log.refused": "Permintaan admin ditolak ({op}; tiket {ticket}): {reason}",
  "admin.result.error": "Galat saat menjalankan: {detail}",
  "admin.result.failed": "Tidak berhasil: {result}",
  "admin.result.refused": "Ditolak: {reason}",
  "admin.hidden_user": "(alamat disembunyikan)",
  "admin.refused_note":
    "Permintaan \u201c{op}\u201d dari {who} dibatalkan dan tidak dijalankan: {reason} Hanya administrator di lembar Pengaturan yang dapat meminta operasi admin. Tercatat di Log Disposisi no. {seq}.",
  "admin.refused_title": "Surel: permintaan admin ditolak",
  "admin.result.sweep":
    "Penyapuan selesai: {recovered} respons dipulihkan, {mails} surel terkirim, {repaired} baris diperbaiki, {flagged} ditandai.",
  "admin.result.resent": "{count} surel tertunda untuk tiket {ticket} terkirim.",
  "admin.result.nothing_to_resend":
    "Tidak ada surel tertunda yang terkirim untuk tiket {ticket} ({failed} gagal lagi). Surat akun dikirim ulang dengan \u201cTerbitkan ulang surat akun\u201d.",
  "admin.address.no_ticket": "Tiket {ticket} tidak ada di register.",
  "admin.address.erased": "Data pribadi tiket {ticket} sudah dihapus setelah masa simpannya.",
  "admin.address.same": "Alamat baru sama dengan alamat pengiriman tiket {ticket} saat ini.",
  "admin.address.log":
    "Alamat pengiriman dan pemulihan diubah dari {before} menjadi {after}. Alasan: {reason}. Bukti: {evidence}.",
  "admin.address.recovery_updated": "Alamat pemulihan akun {account} di direktori diperbarui.",
  "admin.address.recovery_failed": "Alamat pemulihan akun {account} di direktori belum diperbarui: {detail}",
  "admin.address.done":
    "Alamat pengiriman tiket {ticket} diubah dari {before} menjadi {after}; surat yang diterbitkan setelah ini hanya dikirim ke alamat baru.",
  "admin.retry.nothing":
    "Tidak ada langkah gagal untuk diulang pada tiket {ticket} (status {status}, pembuatan {state}). Akun yang gagal dibuat kembali ke staf teknis: pilih \u201cBuat akun\u201d lagi.",
  "admin.retry.done": "Langkah tiket {ticket} dicoba lagi: {result} (status pembuatan: {state}).",
  "admin.protect.sheet": "Permintaan admin: hanya administrator di lembar Pengaturan.",
  "admin.protect.results": "Hasil permintaan admin: hanya program Surel yang menulis.",
  "admin.help":
    "Isi Tiket, Nilai Baru, Alasan dan Bukti bila diperlukan, lalu pilih permintaan. Program memeriksa peminta dan mencatatnya di log.",
  // ── The time standard: reminders, escalation, daily digest (reminders.ts) ──
  "settings.header.escalate": "Eskalasi ke",
  "settings.stage.escalate":
    'Eskalasi ke "{value}" bukan kunci tahap lain; isi kunci tahap, "-" (tidak ada), atau kosongkan (tahap sebelumnya).',
  "settings.help.rekap_kepada": "Penerima rekap bulanan selain Kepala Dinas (surel, pisahkan dengan koma)",
  "register.total": "{spent} dari standar {standard}",
  "register.total_late": "TERLAMBAT {over}: {spent} dari standar {standard}",
  "reminder.subject": "Pengingat layanan surel dinas: {due} perlu tindakan, {late} melewati target",
  "reminder.intro": "Yth. Bapak/Ibu, berikut permohonan yang perlu perhatian Anda ({office}).",
  "reminder.due_heading": "Perlu tindakan Anda: {percent}% target tahap sudah terpakai",
  "reminder.late_heading": "Melewati target tahap (Anda berada satu tingkat di atasnya)",
  "reminder.item": "{ticket} · {stage} · {subject} · {elapsed} dari target {target}",
  "reminder.item_complaint": "Pengaduan {ticket} · {subject} · {elapsed} dari target {target}",
  "reminder.how": "Buka baris di register (tautan di atas) dan pilih tindakan di kolom Tindakan.",
  "reminder.how_complaint":
    "Pengaduan: buka barisnya di lembar Pengaduan (tautan di atas), tulis tanggapan di kolom Tanggapan, lalu pilih tindakan di kolom Tindakan.",
  "reminder.intro_with_complaints":
    "Yth. Bapak/Ibu, berikut permohonan dan pengaduan yang perlu perhatian Anda ({office}).",
  "reminder.log.pengingat": "Pengingat ke {to}: {elapsed} dari target {target}.",
  "reminder.log.eskalasi": "Eskalasi ke {to}: {elapsed} dari target {target}.",
  "reminder.log.eskalasi_daily":
    "Melewati target ({elapsed} dari {target}); dilaporkan dalam ringkasan harian kepada {to}.",
  "reminder.log.eskalasi_none":
    "Melewati target ({elapsed} dari {target}); tidak ada tingkat di atas tahap ini.",
  "daily.subject": "Ringkasan harian layanan surel dinas: {count} permohonan melewati target",
  "daily.intro":
    "Yth. Bapak/Ibu, per {date} terdapat {count} permohonan yang melewati target tahapnya ({office}).",
  "daily.item": "{ticket} · {stage} · pemegang {holders} · {elapsed} dari target {target}",
  "daily.item_complaint":
    "Pengaduan {ticket} · {subject} · penangan {holders} · {elapsed} dari target {target}",
  "daily.intro_with_complaints":
    "Yth. Bapak/Ibu, per {date} terdapat {count} permohonan dan pengaduan yang melewati target ({office}).",
  // ── Dashboard (dashboard.ts) ─────────────────────────────────────────────
  "dash.protect": "Dasbor: hanya program Surel yang menulis; diperbarui setiap penyapuan.",
  "dash.title": "Dasbor Layanan Surel Dinas",
  "dash.updated": "Diperbarui {time}",
  "dash.by_status": "Permohonan per status",
  "dash.by_opd": "Permohonan per OPD",
  "dash.col.status": "Status",
  "dash.col.opd": "OPD",
  "dash.col.this_month": "Bulan ini ({month})",
  "dash.col.last_month": "Bulan lalu ({month})",
  "dash.stages": "Waktu per tahap (menit kerja)",
  "dash.col.stage": "Tahap",
  "dash.col.target": "Target",
  "dash.col.median": "Median",
  "dash.col.p90": "Persentil 90",
  "dash.col.within": "Sesuai standar (%)",
  "dash.col.count": "Jumlah",
  "dash.total": "Seluruh layanan",
  "dash.backlog": "Antrean terbuka menurut umur (menit kerja sejak diterima)",
  "dash.col.age": "Umur",
  "dash.age.day1": "≤ 1 hari kerja",
  "dash.age.day3": "1–3 hari kerja",
  "dash.age.more": "> 3 hari kerja",
  "dash.late_by_holder": "Melewati target tahap, menurut pemegang",
  "dash.col.holder": "Pemegang",
  "dash.col.late": "Terlambat",
  "dash.oldest": "Permohonan terbuka tertua",
  "dash.col.ticket": "Tiket",
  "dash.col.stage_age": "Di tahap (menit)",
  "dash.other_opd": "(lainnya)",
  "dash.chart.status": "Permohonan per status",
  "dash.chart.stages": "Menit kerja per tahap: median, persentil 90, target",
  // ── Monthly recap (recap.ts) ─────────────────────────────────────────────
  "recap.subject": "Rekap bulanan layanan surel dinas {month}",
  "recap.intro":
    "Yth. Bapak/Ibu, berikut rekap layanan pendaftaran akun surel dinas bulan {month} ({office}).",
  "recap.numbers": "Angka bulan {month} (dibandingkan bulan {previous})",
  "recap.received": "Permohonan diterima: {now} ({before})",
  "recap.finished": "Selesai: {now} ({before})",
  "recap.rejected": "Ditolak: {now} ({before})",
  "recap.within": "Selesai dalam standar {standard}: {now} ({before})",
  "recap.stage":
    "{stage}: median {median}, persentil 90 {p90}, target {target}; {within} sesuai target ({count} tahap)",
  "recap.stages_heading": "Waktu per tahap",
  "recap.late_heading": "Tahap yang melewati target dan penyebabnya",
  "recap.late_item": "{ticket}: tahap {stage} ({holder}) {spent}, target {target}",
  "recap.no_late": "Tidak ada tahap yang melewati target.",
  "recap.attachment": "Terlampir grafik dari Dasbor; angka lengkap ada di lembar Dasbor.",
  "recap.none": "–",
  // ── Applicant status page, complaints (pengaduan), personal data notice ─────
  "setup.protect.status": "Status Publik: hanya diubah oleh program (halaman status pemohon).",
  "setup.protect.complaints": "Pengaduan: penangan hanya mengisi kolom Tindakan dan Tanggapan.",
  "mail.receipt.status_heading": "Cek status permohonan",
  "mail.receipt.status_code":
    "Status permohonan dapat Anda lihat sendiri di halaman status dengan nomor tiket {ticket} dan kode rahasia {code}. Simpan kode ini; jangan bagikan kepada orang lain. Kode ini juga diperlukan bila Anda harus memperbaiki permohonan. Kode ini bukan kata sandi akun surel.",
  "mail.receipt.status_link": "Buka halaman status",
  "config.complaint_handlers": "Penangan pengaduan belum diisi: pengaduan tidak dikirim kepada siapa pun.",
  "config.complaint_handler_email":
    "Alamat penangan pengaduan \u201c{value}\u201d bukan alamat surel yang sah.",
  "config.complaint_target": "Target waktu pengaduan harus bilangan bulat menit kerja lebih dari 0.",
  "config.complaint_escalate":
    "Eskalasi pengaduan \u201c{value}\u201d bukan kunci tahap di Tahapan maupun alamat surel yang sah.",
  "settings.help.halaman_status":
    "Alamat halaman status (URL aplikasi web) yang dicantumkan pada tanda terima",
  "settings.help.penangan_pengaduan":
    "Surel para penangan pengaduan, dipisah koma (Kadis, Kabid e-Government, technical support)",
  "settings.help.target_pengaduan_menit": "Target waktu menanggapi pengaduan, dalam menit kerja",
  "settings.help.eskalasi_pengaduan":
    "Siapa diberi tahu bila pengaduan melewati target tanpa tanggapan: kunci tahap (mis. kadis) atau surel, dipisah koma; kosong: pejabat tahap pertama; - : tidak ada",
  "settings.help.kontak_data_pribadi":
    "Kontak untuk pertanyaan tentang data pribadi (bila kosong: surel dinas)",
  "form.privacy":
    "PEMBERITAHUAN PELINDUNGAN DATA PRIBADI (UU No. 27 Tahun 2022). Pengendali data: {controller}. Tujuan: memproses permohonan akun surel dinas, membuat akun dan mengirim surat pemberitahuan akun; data tidak digunakan untuk keperluan lain. Data yang disimpan: nama dan gelar, status kepegawaian, NIP/NI PPPK, NIK (bila diisi), jabatan, perangkat daerah, nomor HP, surel pribadi dan surat permohonan. Masa simpan: {days} hari setelah permohonan selesai atau ditolak; setelah itu NIP, NIK, jabatan, nomor HP, surel pribadi dan surat permohonan dihapus (nama dan alamat akun yang dibuat tetap disimpan). Anda berhak meminta akses, perbaikan atau penghapusan data Anda melalui: {contact}.",
  "guard.refused":
    "{entry} ditolak: fungsi ini hanya dijalankan oleh pemicu Surel atau oleh akun layanan dari editor skrip, bukan dari halaman status atau oleh pemanggil lain. Tidak ada yang diubah.",
  "guard.record":
    "Panggilan {entry} ditolak dan tidak menjalankan apa pun: pemanggil {who} tidak membawa peristiwa pemicu Surel dan tidak bertindak dengan haknya sendiri (hak yang dipakai: {effective}), misalnya lewat google.script.run dari halaman status.",
  "guard.foreign_authority":
    "{entry} ditolak: fungsi ini berjalan dengan hak {effective}, padahal Surel dipasang oleh akun layanan {installer} dan hanya berjalan dengan hak akun itu (misalnya bukan sebagai pustaka/library di proyek lain). Tidak ada yang diubah.",
  "guard.record_foreign":
    "Panggilan {entry} ditolak dan tidak menjalankan apa pun: kode berjalan dengan hak {effective} (pemanggil {who}), bukan dengan hak akun layanan {installer} yang memasang Surel, misalnya sebagai pustaka/library di proyek orang lain.",
  "guard.anonymous": "anonim (tanpa akun)",
  "guard.previous_hour": "Pada jam sebelumnya seluruhnya {count} panggilan ditolak.",
  "guard.record_limit":
    "Batas catatan jam ini tercapai: penolakan berikutnya dalam jam ini hanya dihitung, dan jumlahnya dicatat bersama penolakan pertama jam berikutnya.",
  "status_page.title": "Status Permohonan Surel Dinas",
  "status_page.lookup.heading": "Cek status permohonan",
  "status_page.lookup.hint":
    "Masukkan nomor tiket dan kode rahasia yang tercantum pada tanda terima di surel pribadi Anda.",
  "status_page.lookup.ticket": "Nomor tiket",
  "status_page.lookup.code": "Kode rahasia",
  "status_page.lookup.button": "Lihat status",
  "status_page.complaint.heading": "Pengaduan layanan",
  "status_page.complaint.hint":
    "Sampaikan keluhan tentang layanan ini, tentang permohonan tertentu atau secara umum. Tanggapan dikirim ke surel Anda.",
  "status_page.complaint.name": "Nama",
  "status_page.complaint.email": "Surel untuk tanggapan",
  "status_page.complaint.ticket": "Nomor tiket (bila tentang permohonan tertentu)",
  "status_page.complaint.text": "Isi pengaduan",
  "status_page.complaint.button": "Kirim pengaduan",
  "status_page.busy": "Mohon tunggu\u2026",
  "status_page.failed": "Halaman tidak dapat menghubungi server. Periksa koneksi lalu coba lagi.",
  "status_page.privacy":
    "Halaman ini hanya menampilkan status permohonan dan nama depan pemohon. Pengendali data: {office}. Pertanyaan tentang data pribadi: {contact}.",
  "status_page.refused.heading": "Status tidak dapat ditampilkan",
  "status_page.refused.text":
    "Nomor tiket atau kode rahasia tidak cocok, atau sudah terlalu banyak percobaan. Periksa tanda terima Anda dan coba lagi satu jam lagi.",
  "status_page.result.hello": "Halo, {name}.",
  "status_page.result.ticket": "Nomor tiket",
  "status_page.result.stage": "Tahap saat ini",
  "status_page.result.next": "Langkah berikutnya",
  "status_page.result.expected": "Perkiraan selesai (dihitung dalam jam kerja)",
  "status_page.result.late": "melewati standar waktu layanan",
  "status_page.result.history": "Riwayat tahap",
  "status_page.next.in_stage": "Permohonan sedang diproses oleh {stage}. Sesudah itu: {later}.",
  "status_page.next.account": "pembuatan akun dan pengiriman surat pemberitahuan akun",
  "status_page.next.correction":
    "Data permohonan perlu diperbaiki. Petunjuknya telah dikirim ke surel pribadi Anda; isi kembali formulir dengan nomor tiket ini pada kolom Nomor tiket sebelumnya.",
  "status_page.next.held":
    "Permohonan ditahan sementara. Alasannya telah dikirim ke surel pribadi Anda; Anda akan diberi tahu bila dilanjutkan.",
  "status_page.next.rejected": "Permohonan ditolak. Alasannya telah dikirim ke surel pribadi Anda.",
  "status_page.next.creating": "Permohonan disetujui; akun surel sedang dibuat.",
  "status_page.next.letter": "Akun telah dibuat; surat pemberitahuan akun dikirim ke surel pribadi Anda.",
  "status_page.next.done": "Selesai. Surat pemberitahuan akun telah dikirim ke surel pribadi Anda.",
  "status_page.complaint.busy_heading": "Pengaduan belum dapat diterima",
  "status_page.complaint.busy":
    "Terlalu banyak pengaduan dalam satu jam terakhir. Coba lagi nanti, atau hubungi: {contact}.",
  "status_page.complaint.problems": "Pengaduan belum dapat dikirim",
  "status_page.complaint.filed_heading": "Pengaduan {number} diterima",
  "status_page.complaint.filed":
    "Terima kasih. Pengaduan Anda tercatat dengan nomor {number}; tanda terima dan setiap tanggapan dikirim ke surel yang Anda isi.",
  "complaint.problem.name": "Nama belum diisi.",
  "complaint.problem.name_long": "Nama paling banyak {max} karakter.",
  "complaint.problem.email": "Alamat surel untuk tanggapan tidak sah.",
  "complaint.problem.ticket":
    "\u201c{ticket}\u201d bukan nomor tiket (contoh: SRL-2611-0007); kosongkan bila pengaduan bersifat umum.",
  "complaint.problem.text": "Isi pengaduan terlalu pendek (paling sedikit 10 karakter).",
  "complaint.problem.text_long": "Isi pengaduan paling banyak {max} karakter.",
  "complaint.action.tanggapi": "Tanggapi",
  "complaint.action.selesaikan": "Selesaikan",
  "complaint.status.baru": "baru",
  "complaint.status.ditanggapi": "ditanggapi",
  "complaint.status.selesai": "selesai",
  "complaint.refused.not_handler": "Anda bukan penangan pengaduan atau administrator.",
  "complaint.refused.closed": "Pengaduan ini sudah selesai.",
  "complaint.refused.note":
    "Tulis tanggapan di kolom Tanggapan terlebih dahulu; tanggapan dikirim kepada pengadu.",
  "complaint.refused.response_not_own":
    "Tanggapan pada baris ini tidak ditulis oleh Anda (penulis: {by}); tulis sendiri tanggapan Anda di kolom Tanggapan, lalu pilih lagi tindakannya.",
  "complaint.refused.not_complaint": "Baris ini bukan pengaduan.",
  "complaint.refused.unknown_action": "Tindakan tidak dikenal; pilih dari daftar.",
  "complaint.log.about": "tentang tiket {ticket}",
  "complaint.digest.about": "tentang {ticket}",
  "complaint.digest.general": "umum",
  "complaint.stage": "Pengaduan",
  "complaint.mail.greeting": "Yth. Bapak/Ibu,",
  "complaint.mail.receipt.not_you":
    "Jika Anda tidak mengajukan pengaduan ini, abaikan surel ini: alamat Anda mungkin diketik oleh orang lain.",
  "complaint.mail.receipt.subject": "Pengaduan diterima \u2013 {number}",
  "complaint.mail.receipt.intro": "Pengaduan Anda telah kami terima dengan nomor {number}.",
  "complaint.mail.about": "Tentang permohonan: {ticket}",
  "complaint.mail.text": "Isi pengaduan: {text}",
  "complaint.mail.receipt.due":
    "Kami menanggapi paling lambat {due}. Setiap tanggapan dikirim ke alamat ini.",
  "complaint.mail.notice.subject": "Pengaduan baru {number}",
  "complaint.mail.notice.intro": "Pengaduan baru {number} dari {name} ({email}).",
  "complaint.mail.notice.due": "Batas waktu tanggapan: {due}.",
  "complaint.mail.notice.how":
    "Tulis tanggapan di kolom Tanggapan pada lembar Pengaduan, lalu pilih Tanggapi atau Selesaikan di kolom Tindakan. Tanggapan dikirim kepada pengadu.",
  "complaint.mail.notice.link": "Buka pengaduan",
  "complaint.mail.response.subject": "Tanggapan atas pengaduan {number}",
  "complaint.mail.response.intro": "Berikut tanggapan atas pengaduan Anda nomor {number}:",
  "complaint.mail.response.open": "Pengaduan {number} masih kami tindak lanjuti.",
  "complaint.mail.response.closed": "Dengan tanggapan ini pengaduan {number} kami nyatakan selesai.",
  // ── Request integrity ─────────────────────────────────────────────────────
  "setup.protect.responses": "Respons formulir: hanya formulir dan program Surel yang menulis.",
  "edit.address.reapproval": "diubah setelah disetujui: dikembalikan ke {stage} untuk disetujui lagi",
  "edit.address.reapproval_action": "alamat surel diubah setelah persetujuan; mohon setujui lagi",
  "edit.address.sent_back":
    "Alamat diubah menjadi {address}. Karena permohonan sudah disetujui, permohonan dikembalikan ke {stage} untuk disetujui lagi.",
  "edit.paste_program":
    "Tempelan ini menimpa kolom milik program. Kolom Tindakan, Catatan dan Alamat Surel telah dipulihkan, tetapi data pribadi yang tertimpa tidak dapat dipulihkan otomatis: baris ini tidak akan dibuatkan akun maupun surat sampai datanya dikembalikan seperti semula (Riwayat versi).",
  "provision.fail.tampered":
    "Data pribadi pada baris ini berubah di luar program (misalnya karena sel ditempel) sehingga tidak sama dengan yang tercatat. Akun dan surat tidak dibuat; kembalikan data baris seperti semula (Riwayat versi), lalu pilih Buat akun lagi.",
  "edit.note_not_own":
    "Catatan Tindakan pada baris ini tidak ditulis oleh Anda (penulis: {by}); tulis sendiri alasan Anda di kolom Catatan Tindakan, lalu pilih lagi tindakannya.",
  "log.tail_mismatch":
    "Log disposisi tidak cocok dengan jangkarnya: entri terakhir di lembar adalah #{seq}, sedangkan jangkar mencatat #{anchor} (hash {hash}\u2026). Log mungkin dipotong atau diubah; tidak ada entri baru yang ditambahkan sampai log dipulihkan.",
  "log.alarm_subject": "PERINGATAN: log disposisi surel dinas mungkin diubah",
  "log.alarm_how":
    "Pulihkan lembar Log dari Riwayat versi spreadsheet ke versi yang ekornya cocok dengan jangkar, lalu jalankan Surel \u2192 Periksa keutuhan log. Selama itu permohonan tetap tersimpan di lembar respons.",
  "log.head_subject": "Kepala log disposisi surel dinas {date}",
  "log.head_body":
    "Kepala log disposisi pada {date}: entri #{seq}, hash {hash}. Simpan surel ini: hash ini memungkinkan memeriksa kemudian bahwa riwayat sampai entri ini tidak diubah.",
  "edit.busy":
    "Sistem sedang sibuk sehingga pilihan ini belum diproses dan dibatalkan; pilih lagi sebentar lagi.",
  "edit.busy_logged":
    "Suntingan {cell} oleh {actor} dibatalkan karena sistem sibuk (kunci tidak didapat): {detail}",
  "field.braces":
    "Isian \u201c{field}\u201d memuat tanda kurung kurawal ganda ({{ atau }}), yang dipakai sistem untuk isian surat; hapus tanda itu.",
  "name.initials_only":
    "Nama lengkap \u201c{name}\u201d hanya berisi gelar atau inisial; tuliskan nama Anda tanpa disingkat.",
  "correction.address_kept":
    "Alamat surel pribadi tidak dapat diganti melalui perbaikan: surat akun tetap dikirim ke alamat yang tercatat ({address}). Untuk mengganti alamat, hubungi administrator layanan.",
  "correction.phone_kept":
    "Nomor HP tidak dapat diganti melalui perbaikan: nomor pemulihan akun tetap nomor yang tercatat ({phone}). Untuk menggantinya, hubungi administrator layanan.",
  "intake.log.phone_kept": "(perbaikan meminta nomor HP lain; nomor tercatat {phone} tidak diganti)",
  "intake.log.delivery": "alamat pengiriman {before} \u2192 {after}",
  "intake.log.delivery_kept": "(perbaikan meminta {requested}; tidak diganti)",
  "correction.code_missing":
    "Perbaikan untuk tiket {ticket} tidak diterapkan karena kode status dari tanda terima tidak diisi; permohonan {ticket} tidak berubah. Isian ini dicatat sebagai permohonan baru. Untuk memperbaiki {ticket}, ajukan formulir lagi dengan nomor tiket itu dan kode rahasia dari surel tanda terimanya.",
  "correction.code_refused":
    "Perbaikan untuk tiket {ticket} tidak diterapkan karena kode status tidak cocok dengan tiket itu (atau kode yang salah sudah terlalu sering dicoba; coba lagi setelah satu jam); permohonan {ticket} tidak berubah. Isian ini dicatat sebagai permohonan baru. Untuk memperbaiki {ticket}, ajukan formulir lagi dengan kode rahasia dari surel tanda terimanya.",
  "intake.log.correction_no_code":
    "perbaikan tanpa kode status tidak diterapkan; isiannya dicatat sebagai permohonan baru {newTicket} (alamat {requested})",
  "intake.log.correction_wrong_code":
    "perbaikan dengan kode status yang salah (atau setelah batas percobaan) tidak diterapkan; isiannya dicatat sebagai permohonan baru {newTicket} (alamat {requested})",
  "mail.correction_refused.subject": "Perbaikan permohonan {ticket} tidak diterapkan",
  "mail.correction_refused.body":
    "Formulir perbaikan untuk permohonan {ticket} kami terima tanpa kode status yang benar dari surel tanda terima, sehingga perbaikan itu tidak diterapkan: permohonan {ticket} tidak berubah dan masih menunggu perbaikan. Isian formulir itu dicatat sebagai permohonan terpisah dengan nomor tiket {newTicket}; tanda terimanya dikirim ke alamat yang diisikan di formulir ({requested}).",
  "mail.correction_refused.how":
    "Jika perbaikan itu dari Anda, ajukan lagi dengan nomor tiket {ticket} dan kode rahasia dari surel tanda terimanya. Jika bukan dari Anda, permohonan Anda tidak diubah; hubungi administrator layanan bila perlu.",
  "mail.address_kept.subject": "Permintaan penggantian alamat surel pribadi \u2013 {ticket}",
  "mail.address_kept.body":
    "Perbaikan permohonan {ticket} meminta agar surat akun dikirim ke {requested}. Demi keamanan, alamat pengiriman tidak diganti melalui formulir: surat tetap dikirim ke alamat ini. Jika Anda tidak mengajukan perbaikan ini, segera hubungi administrator layanan.",
  // ── The time standard: reminders, escalation, daily digest (reminders.ts) ──
  // ── Dashboard (dashboard.ts) ─────────────────────────────────────────────
  // ── Monthly recap (recap.ts) ─────────────────────────────────────────────
  // ── A real tenant: locale, time zone, the published form, directory targets ──
  "locale.order.dmy": "hari/bulan/tahun",
  "locale.order.mdy": "bulan/hari/tahun",
  "locale.order.ymd": "tahun/bulan/hari",
  "locale.stamp_future":
    'Stempel waktu respons "{text}" berada di masa depan (tanggal dibaca menurut lokal spreadsheet): permohonan dicatat dengan waktu pemrosesan. Periksa lokal spreadsheet (File → Setelan).',
  "locale.stamp_unreadable":
    'Stempel waktu respons "{text}" tidak dapat dibaca menurut lokal spreadsheet: permohonan dicatat dengan waktu pemrosesan.',
  "tenant.zone_set":
    "Zona waktu spreadsheet diubah dari {before} menjadi {zone} (zona waktu kantor), agar register dan surel menunjukkan jam yang sama.",
  "tenant.zone_ok": "Zona waktu spreadsheet: {zone}, sama dengan zona waktu kantor.",
  "tenant.zone_unknown":
    "Peringatan: zona waktu kantor {zone} tidak dikenal; zona waktu spreadsheet ({current}) tidak diubah.",
  "tenant.locale":
    "Lokal spreadsheet: {locale}; tanggal pada jawaban formulir dan stempel waktu dibaca {order}.",
  "tenant.form_published_now":
    "Formulir diterbitkan: formulir yang dibuat lewat API sejak 1 Juli 2026 belum terbit dan tidak menerima jawaban sampai diterbitkan.",
  "tenant.form_published": "Formulir sudah terbit dan menerima jawaban.",
  "tenant.form_unpublished":
    "GALAT: formulir belum terbit; pemohon tidak dapat mengirim permohonan. Buka formulir dan klik Terbitkan, lalu jalankan setup lagi.",
  "tenant.form_closed":
    "Peringatan: formulir sudah terbit tetapi ditutup (tidak menerima jawaban). Bila tidak disengaja, buka formulir → Respons → aktifkan Menerima respons.",
  "tenant.login_opened":
    "Formulir dibuka untuk pemohon tanpa akun domain (sebelumnya hanya akun domain yang dapat mengisinya).",
  "tenant.login_open": "Formulir dapat diisi tanpa masuk dengan akun domain.",
  "tenant.login_error":
    "Peringatan: pembatasan formulir ke akun domain tidak dapat dimatikan ({detail}). Matikan secara manual: formulir → Setelan → Respons → Batasi ke pengguna domain.",
  "tenant.tab_missing":
    "GALAT: tab respons formulir tidak ditemukan di spreadsheet. Buka formulir → Respons → Tautkan ke Spreadsheet (pilih spreadsheet ini), lalu jalankan setup lagi.",
  "tenant.tab_by_url": "Tab respons formulir ditemukan lewat alamat formulir yang ditautkan.",
  "tenant.check.unpublished":
    "Formulir permohonan belum terbit: pemohon tidak dapat mengirim permohonan. Jalankan Surel → Siapkan / perbaiki, atau buka formulir dan klik Terbitkan.",
  "tenant.check.restricted":
    "Formulir permohonan hanya dapat diisi dengan akun domain, padahal pemohon belum memiliki akun. Jalankan Surel → Siapkan / perbaiki.",
  "tenant.directory_ok":
    "Direktori: {groups} grup dan {units} unit organisasi yang disebut lembar OPD semuanya ada.",
  "tenant.group_missing":
    "GALAT: grup {group} untuk {opd} tidak ada di direktori. Buat grup itu di Konsol Admin atau perbaiki kolom grup di lembar OPD.",
  "tenant.orgunit_missing":
    "GALAT: unit organisasi {path} untuk {opd} tidak ada di direktori. Buat unit itu di Konsol Admin atau perbaiki kolom unit organisasi di lembar OPD.",
  "tenant.directory_unchecked": "Peringatan: grup dan unit organisasi tidak dapat diperiksa: {detail}",
  "directory.failure.not_found": "tidak ditemukan di direktori",
  "directory.failure.not_authorized": "akun layanan tidak berwenang (bukan administrator)",
  "directory.failure.rate_limited": "batas permintaan direktori terlampaui sementara",
  "directory.failure.unavailable": "layanan direktori sedang tidak tersedia",
  "directory.failure.invalid": "alamat atau data tidak sah menurut direktori",
  "directory.failure.other": "galat direktori yang tidak dikenal (rincian di Log Galat)",
  "provision.join.failed":
    "Akun {address} belum dapat ditambahkan ke grup {group}: {reason}. Penyapuan mencoba lagi setiap 10 menit; perbaiki grup di lembar OPD atau buat grupnya di Konsol Admin.",
  "provision.join.done": "Akun {address} kini anggota grup {group} (dicoba ulang oleh penyapuan).",
  "settings.help.lisensi":
    "Jumlah lisensi Google Workspace yang dimiliki kantor (0 = tidak diperiksa). Pembuatan akun berhenti sebelum lisensi terakhir terpakai; administrator diperingatkan pada 90 %.",
  "licence.not_set":
    "jumlah lisensi belum diisi (pengaturan lisensi), akun tidak dibandingkan dengan lisensi",
  "licence.count": "{used} akun dari {total} lisensi ({percent} %)",
  "licence.dash": "Lisensi Google Workspace: {text}; dihitung {time}",
  "licence.setup": "Lisensi Google Workspace: {text}.",
  "licence.setup_full":
    "PERINGATAN: lisensi hampir habis; akun baru tidak dibuat sebelum nilai lisensi di lembar Pengaturan dinaikkan (lisensi terakhir selalu disisakan).",
  "licence.setup_failed": "Peringatan: jumlah akun di direktori tidak dapat dihitung: {detail}",
  "licence.warn.subject": "[Surel] Lisensi Google Workspace sudah terpakai {percent} %",
  "licence.warn.intro":
    "Akun di direktori kini berjumlah {used} dari {total} lisensi Google Workspace ({percent} %); tersisa {left} lisensi. Layanan surel tidak pernah memakai lisensi terakhir: pembuatan akun berhenti sebelum lisensi itu terpakai.",
  "licence.warn.next":
    "Tambah lisensi di Konsol Admin (Penagihan, Langganan) lalu naikkan nilai lisensi di lembar Pengaturan, atau tangguhkan akun yang tidak dipakai.",
  "licence.log.warned": "Akun mencapai {percent} % lisensi ({used} dari {total}); administrator diberi tahu.",
  "licence.stop":
    "Akun {address} belum dibuat: lisensi Google Workspace hampir habis ({used} akun dari {total} lisensi; lisensi terakhir tidak dipakai). Permohonan {ticket} menunggu dan tidak hilang. Tambah lisensi di Konsol Admin lalu naikkan nilai lisensi di lembar Pengaturan: penyapuan melanjutkan pembuatan akun dengan sendirinya.",
  "licence.stop.note": "lisensi habis: {used} akun dari {total} lisensi; menunggu nilai lisensi dinaikkan",
  "settings.help.usul_tangguhkan_hari":
    "Setelah berapa hari sejak surat akun dikirim, akun yang belum pernah dipakai diusulkan kepada administrator untuk ditangguhkan (0 = tidak pernah).",
  "admin.op.suspend": "Tangguhkan akun menganggur",
  "unused.remind.subject": "Segera masuk ke akun surel dinas {address}",
  "unused.remind.intro":
    "Akun surel dinas {address} (tiket {ticket}) belum pernah Anda pakai. Kata sandi sementara pada surat pemberitahuan akun berlaku sampai {deadline}; setelah itu kata sandi tersebut tidak dapat dipakai lagi.",
  "unused.remind.next":
    "Masuklah sebelum tanggal itu dengan alamat dan kata sandi sementara dari surat, lalu buat kata sandi baru. Bila surat tidak ada pada Anda, hubungi Diskominfo dengan menyebut nomor tiket.",
  "unused.monthly.subject": "Akun surel dinas {opd} yang belum pernah dipakai ({month})",
  "unused.monthly.intro":
    "{count} akun surel dinas {opd} belum pernah dipakai, dan kata sandi sementaranya sudah tidak berlaku (keadaan {month}):",
  "unused.monthly.item": "{address} ({name}), surat dikirim {sent}",
  "unused.monthly.next":
    "Mohon ingatkan pegawai yang bersangkutan. Bila akun masih diperlukan, ajukan penerbitan ulang surat akun kepada Diskominfo; akun yang lama tidak dipakai dapat diusulkan untuk ditangguhkan.",
  "unused.propose.subject": "Usul penangguhan akun tidak dipakai: {address}",
  "unused.propose.intro":
    "Akun {address} ({opd}, tiket {ticket}) belum pernah dipakai {days} hari atau lebih sejak surat akunnya dikirim. Akun ini diusulkan untuk ditangguhkan (tidak dihapus; dapat diaktifkan kembali).",
  "unused.propose.how":
    "Untuk menyetujui: di lembar Permintaan Admin isi Tiket {ticket}, lalu pilih permintaan “{op}”. Bila akun masih diperlukan, abaikan surel ini.",
  "unused.log.reminded": "pengingat aktivasi dikirim; kata sandi sementara berlaku sampai {deadline}",
  "unused.log.proposed":
    "akun {address} belum pernah dipakai {days} hari; diusulkan ditangguhkan kepada administrator",
  "unused.log.suspended":
    "akun {address} ditangguhkan: belum pernah dipakai {days} hari sejak surat akun dikirim",
  "unused.suspend.refused": "Penangguhan akun {ticket} tidak dijalankan: {reason}",
  "unused.suspend.off":
    "pengaturan usul_tangguhkan_hari bernilai 0 (penangguhan akun tidak dipakai tidak diaktifkan).",
  "unused.suspend.no_ticket": "nomor tiket tidak ditemukan di register.",
  "unused.suspend.no_account": "permohonan ini belum selesai dengan akun dan surat yang terkirim.",
  "unused.suspend.too_early":
    "surat akun baru dikirim {days} hari lalu; usul penangguhan berlaku setelah {needed} hari (usul_tangguhkan_hari).",
  "unused.suspend.gone": "akun {address} tidak ada di direktori.",
  "unused.suspend.not_ours": "akun {address} di direktori bukan akun yang dibuat untuk tiket ini.",
  "unused.suspend.already": "akun {address} sudah ditangguhkan.",
  "unused.suspend.used": "akun {address} sudah pernah dipakai; tidak ditangguhkan.",
  "unused.suspend.done":
    "Akun {address} (tiket {ticket}) ditangguhkan. Akun tidak dihapus: administrator dapat mengaktifkannya kembali di Konsol Admin.",
  // ── Changes and departures (changes.ts) ─────────────────────────────────
  "change.reason.mutasi_keluar": "Mutasi keluar",
  "change.reason.pensiun": "Pensiun",
  "change.reason.meninggal": "Meninggal dunia",
  "change.address.required": "Alamat akun surel dinas yang diubah wajib diisi.",
  "change.address.invalid": 'Alamat akun "{value}" bukan alamat surel dinas @{domain}.',
  "change.nip.required": "NIP / NI PPPK pemegang akun wajib diisi.",
  "change.letter.number_required":
    "Nomor surat pengantar OPD wajib diisi: perubahan akun hanya diproses berdasarkan surat OPD.",
  "change.letter.number_invalid":
    'Nomor surat "{value}" tidak lazim: tulis nomor surat OPD seperti tertera pada surat (mis. 800/123/BKPSDM/2026).',
  "change.letter.date_required": "Tanggal surat pengantar OPD wajib diisi.",
  "change.letter.date_future": "Tanggal surat OPD ({date}) belum terlewati; periksa kembali tanggal surat.",
  "change.letter.date_old":
    "Surat OPD bertanggal {date}, lebih dari {days} hari yang lalu; mintalah surat yang baru kepada OPD.",
  "change.date.unreadable":
    'Tanggal "{value}" tidak dapat dibaca; tulis seperti 22/11/2026 atau 22 November 2026.',
  "change.name.required": "Nama baru wajib diisi untuk perubahan nama.",
  "change.opd.required": "OPD tujuan wajib dipilih untuk pindah OPD.",
  "change.opd.unknown": 'OPD "{value}" tidak ada dalam daftar OPD; pilih OPD dari daftar.',
  "change.reason.required": "Alasan berhenti wajib dipilih (mutasi keluar, pensiun, atau meninggal dunia).",
  "change.reason.unknown":
    'Alasan "{value}" tidak dikenal; pilih mutasi keluar, pensiun, atau meninggal dunia.',
  "change.effective.required": "Tanggal berlaku (TMT) menurut surat OPD wajib diisi.",
  "change.effective.too_far":
    "Tanggal berlaku {date} lebih dari {days} hari ke depan; ajukan permohonan lebih dekat ke tanggal tersebut.",
  "change.refuse.no_account": "akun {address} tidak ada di direktori.",
  "change.refuse.alias": "{address} adalah alias dari akun {primary}; tulis alamat utama akun.",
  "change.refuse.admin":
    "akun {address} adalah akun administrator; perubahannya dilakukan di Konsol Admin, bukan melalui formulir.",
  "change.refuse.nip":
    "NIP pada permohonan tidak cocok dengan NIP yang tercatat di direktori untuk akun ini.",
  "change.refuse.invalid": "data permohonan belum lengkap atau belum benar.",
  "change.refuse.suspended":
    "akun {address} sedang ditangguhkan; aktifkan kembali lebih dahulu sebelum pindah OPD.",
  "change.refuse.not_suspended":
    "akun {address} tidak sedang ditangguhkan; pengaktifan kembali hanya untuk akun yang ditangguhkan. Untuk kata sandi baru, ajukan permohonan reset kata sandi.",
  "change.refuse.not_recorded":
    "penangguhan akun {address} tidak dicatat oleh permohonan berhenti di surel (mungkin ditangguhkan administrator, misalnya karena akun dibobol); mintalah administrator mencabut penangguhannya sendiri di Konsol Admin.",
  "change.refuse.google_suspension":
    "akun {address} ditangguhkan oleh Google (alasan: {reason}); pengaktifannya dilakukan administrator di Konsol Admin.",
  "change.found.name": "nama akun {address} sudah {name}.",
  "change.found.org_unit": "akun {address} sudah berada di unit organisasi {path}.",
  "change.found.group": "akun {address} sudah anggota grup {group}.",
  "change.found.suspended": "akun {address} sudah ditangguhkan.",
  "change.found.active": "akun {address} sudah aktif.",
  "change.step.join": "masuk grup {group}",
  "change.step.leave": "keluar dari grup {group}",
  "change.step.name": "nama di direktori menjadi {name}",
  "change.step.org_unit": "unit organisasi menjadi {path}",
  "change.step.suspend": "akun ditangguhkan (tidak dihapus)",
  "change.step.unsuspend": "penangguhan akun dicabut",
  "change.refuse.no_recovery":
    "akun {address} tidak mempunyai surel pemulihan yang dapat dipakai di direktori; kata sandi baru tidak dapat dikirim. Isi surel pemulihan di Konsol Admin lebih dahulu.",
  "change.state.active": "aktif",
  "change.state.suspended": "ditangguhkan",
  "change.check.found":
    "Akun {address} ada di direktori ({state}, unit {path}). Yang akan dilakukan: {steps}.",
  "change.check.wait":
    "Akun {address} ada di direktori ({state}, unit {path}). Berlaku {date}: setelah disetujui, sistem menjalankannya pada tanggal itu.",
  "change.check.done": "Akun {address} sudah sesuai permohonan: {found}",
  "change.check.refused": "PERIKSA SEBELUM MENYETUJUI: {reason}",
  "change.check.unreadable": "Rincian perubahan belum lengkap; lihat Masalah Data.",
  "change.fail.details":
    "rincian perubahan di register tidak terbaca atau tidak lengkap; tolak permohonan ini dan minta permohonan baru.",
  "change.fail.join":
    "akun {address} belum dapat masuk kembali ke grup {group} ({reason}); tambahkan di Konsol Admin.",
  "change.log.intent": "akan: {steps}",
  "change.log.found": "sudah sesuai: {found}",
  "change.log.noted": "grup dicatat sebelum ditangguhkan: {groups}",
  "change.log.wait": "menunggu tanggal berlaku {date}",
  "change.log.done": "{kind} dijalankan: {summary}",
  "change.log.recipient": "surat kata sandi ke surel pemulihan tercatat {recipient}",
  "change.nothing": "tidak ada yang perlu diubah",
  "change.notice.subject": "[{ticket}] {kind} selesai: {address}",
  "change.notice.intro":
    "Permohonan {kind} untuk akun {address} (tiket {ticket}) telah dijalankan pada {when}.",
  "change.notice.done": "Yang dilakukan: {steps}.",
  "change.notice.found": "Sudah sesuai sebelumnya: {found}",
  "change.notice.departure":
    "Akun tidak dihapus: surel dan berkasnya disimpan sesuai ketentuan retensi kantor, dan akun dapat diaktifkan kembali dengan permohonan Aktifkan kembali akun disertai surat OPD.",
  "change.notice.reactivation":
    "Kata sandi sementara dikirim dalam surat tersendiri ke surel pemulihan yang tercatat untuk akun ini.",
  "reset.address.required": "Alamat akun surel dinas yang kata sandinya diatur ulang wajib diisi.",
  "reset.address.invalid": 'Alamat akun "{value}" bukan alamat surel dinas @{domain}.',
  "reset.nip.required": "NIP / NI PPPK pemilik akun wajib diisi untuk atur ulang kata sandi.",
  "reset.nip.invalid": "NIP / NI PPPK harus 18 digit angka.",
  "reset.email.required": "Surel pribadi yang tercatat untuk akun ini wajib diisi.",
  "reset.mismatch.no_account": "akun {address} tidak ada di direktori.",
  "reset.mismatch.alias": "{address} adalah alias dari akun {primary}, bukan alamat utama akun.",
  "reset.mismatch.admin": "akun administrator; kata sandinya diatur di Konsol Admin, bukan melalui formulir.",
  "reset.mismatch.suspended": "akun ditangguhkan di direktori.",
  "reset.mismatch.nip_none": "direktori tidak mencatat NIP untuk akun ini.",
  "reset.mismatch.nip": "NIP tidak cocok: di formulir {given}, di direktori {recorded}.",
  "reset.mismatch.email_none":
    "direktori tidak mencatat surel pemulihan untuk akun ini: surat atur ulang tidak punya tujuan.",
  "reset.mismatch.email_unusable":
    "surel pemulihan di direktori ({recorded}) tidak dapat dipakai mengirim surat.",
  "reset.mismatch.email": "surel pribadi tidak cocok: di formulir {given}, di direktori {recorded}.",
  "reset.staff.match":
    "Atur ulang kata sandi: alamat, NIP dan surel pemulihan cocok dengan direktori. Surat hanya dikirim ke surel pemulihan yang tercatat.",
  "reset.staff.mismatch":
    "Atur ulang kata sandi: data tidak cocok dengan direktori. Jangan setujui sebelum pemilik akun dipastikan:",
  "reset.staff.no_account": "Atur ulang kata sandi: akun tidak ditemukan.",
  "reset.applicant.received":
    "Permohonan atur ulang kata sandi Anda diterima dan akan diperiksa petugas. Bila data cocok dengan catatan kami, kata sandi sementara yang baru dikirim ke surel pemulihan yang tercatat untuk akun tersebut; bila tidak, petugas akan menghubungi Anda.",
  // ── Bulk requests (permohonan massal) ─────────────────────────────────────
  "batch.head.contact": "Surel kontak OPD",
  "batch.head.help":
    "Isi kolom B baris 1-4, lalu satu baris per orang di bawah judul kolom (baris 7 dan seterusnya). Kolom Tiket dan Masalah diisi program.",
  "batch.head.contact_missing":
    "Surel kontak OPD (sel B4) belum diisi: laporan impor dan ringkasan dikirim ke sana.",
  "batch.head.contact_invalid": "Surel kontak OPD (sel B4) bukan satu alamat surel yang sah: {value}.",
  "batch.head.problem": "Kepala daftar (baris 1-3) bermasalah, tidak ada yang diimpor: {problems}",
  "batch.head.unknown_titles":
    "Judul kolom berikut bukan pertanyaan formulir, tidak ada yang diimpor (isinya akan hilang): {titles}. Gunakan judul dari lembar yang dibuat program.",
  "batch.head.empty": "Daftar {batch} belum berisi orang (baris 7 dan seterusnya).",
  "batch.column.ticket": "Tiket",
  "batch.column.problems": "Masalah",
  "batch.unknown": "Permohonan massal {batch} tidak ditemukan di lembar Permohonan Massal.",
  "batch.bad_id": "Isi kolom Tiket dengan ID permohonan massal (MSL-yyMM-nnnn), tertulis: {value}.",
  "batch.created":
    "Lembar {batch} dibuat. Isi kepala daftar (perangkat daerah, nomor dan tanggal surat, surel kontak OPD) dan satu baris per orang, lalu minta Impor permohonan massal dengan Tiket {batch}.",
  "batch.protect.list": "Daftar permohonan massal: hanya administrator",
  "batch.protect.sheet": "Permohonan massal: hanya Tindakan dan Catatan Tindakan yang diisi pejabat",
  "batch.import.started": "{batch}: {done} dari {total} orang diproses; sisanya dilanjutkan otomatis.",
  "batch.import.done":
    "{batch}: {registered} orang terdaftar, {refused} baris ditolak; laporan dikirim ke {contact}.",
  "batch.import.state_running": "berjalan · {done}/{total}",
  "batch.import.state_done": "selesai {time} · {registered} terdaftar · {refused} ditolak",
  "batch.import.waiting": "menunggu daftar",
  "batch.log.imported": "Permohonan massal {batch} ({letter})",
  "batch.log.action": "Tindakan massal {batch}: {action}",
  "batch.result.applied": "{action} oleh {actor} pada {time}: {applied} anggota.",
  "batch.result.skipped": "{skipped} anggota tidak di tahap ini dan dilewati: {tickets}.",
  "batch.result.partial":
    "Waktu eksekusi habis: {left} anggota belum diproses, pilih tindakan ini lagi untuk sisanya.",
  "batch.refuse.none": "Tidak ada anggota permohonan massal ini yang menunggu di tahap {stage}.",
  "batch.refuse.closed": "Permohonan massal ini tidak punya anggota yang menunggu tindakan.",
  "batch.refuse.paste":
    "Menempel atau mengubah banyak sel sekaligus di Permohonan Massal tidak diizinkan: pilih satu sel Tindakan per permohonan massal.",
  "batch.members.none": "belum ada",
  "batch.notice.name": "{count} orang dari {opd} (permohonan massal {batch})",
  "batch.mail.import.subject":
    "Permohonan massal {batch}: hasil pemeriksaan daftar ({refused} baris ditolak)",
  "batch.mail.import.intro":
    "Daftar permohonan akun surel dinas {batch} dari {opd} (surat {letter}) telah diperiksa: {registered} orang terdaftar dengan tiket masing-masing, {refused} baris belum dapat diproses.",
  "batch.mail.import.refused_head": "Baris yang perlu diperbaiki",
  "batch.mail.import.refused_row": "Baris {row} ({name}): {problems}",
  "batch.mail.import.refused_next":
    "Perbaiki baris tersebut dan kirimkan kembali kepada kami; orang yang sudah terdaftar tidak akan didaftarkan dua kali ({batch}).",
  "batch.mail.import.registered_head": "Terdaftar",
  "batch.mail.summary.subject": "Permohonan massal {batch} selesai diproses",
  "batch.mail.summary.intro":
    "Seluruh permohonan dalam {batch} dari {opd} (surat {letter}) telah selesai: {created} akun dibuat, {rejected} permohonan ditolak, {refused} baris daftar tidak dapat diproses.",
  "batch.mail.summary.created_head": "Akun dibuat",
  "batch.mail.summary.letters":
    "Surat pemberitahuan akun dengan kata sandi sementara telah dikirim langsung ke surel pribadi masing-masing pegawai.",
  "batch.mail.summary.rejected_head": "Ditolak",
  "admin.op.batch_new": "Buat lembar permohonan massal",
  "admin.op.batch_import": "Impor permohonan massal",
  "settings.help.arsip_bulan":
    "Permintaan yang ditutup sebelum awal bulan ke-N ke belakang dipindahkan ke arsip tahun penutupannya, sekali sebulan di luar jam kerja (N = nilai ini; 0 = tidak pernah; bawaan 3: pada bulan Mei, yang ditutup sebelum 1 Februari).",
  "archive.anchor_note":
    "Jangkar arsip {year}: entri sampai #{to} dipindahkan ke {name} ({id}); log ini berlanjut dari entri #{to}.",
  "archive.segment_start": "Lanjutan: entri sampai #{seq} ada di arsip tahun {name}.",
  "archive.log_broken":
    "Arsip {year}: rantai log yang akan dipindahkan tidak utuh ({reason}). Log tidak dipotong; permintaan tetap dipindahkan. Jalankan Periksa ulang seluruh log.",
  "archive.unreadable":
    "Arsip {year} ({id}) tidak dapat dibuka: entri #{from} sampai #{to} belum dapat diperiksa.",
  "archive.where": "{sheet} pada arsip {year}",
  "archive.ticket_archived":
    "Tiket {ticket} sudah dipindahkan ke arsip tahun {year} (hanya-baca); permintaan yang diarsipkan tidak diubah lagi. Bila perlu, ajukan permintaan baru.",
  "status_page.result.archived": "Permintaan ini sudah ditutup dan disimpan di arsip tahun {year}.",
  "service.kind.akun_baru": "Akun baru",
  "service.kind.reset_sandi": "Atur ulang kata sandi",
  "service.kind.ubah_nama": "Ubah nama",
  "service.kind.pindah_opd": "Pindah OPD",
  "service.kind.berhenti": "Berhenti (mutasi keluar, pensiun, meninggal)",
  "service.kind.aktif_kembali": "Aktifkan kembali akun",
  "service.form.title": "Layanan Akun Surel Dinas \u2013 {office}",
  "service.form.description":
    "Formulir ini untuk akun surel dinas @{domain} yang SUDAH ADA: atur ulang kata sandi dan perubahan akun. Untuk akun baru gunakan formulir permohonan akun. Data Anda dicocokkan dengan catatan direktori; surat berisi kata sandi hanya dikirim ke surel pemulihan yang tercatat untuk akun tersebut, bukan ke alamat yang diketik di formulir ini.",
  "service.form.confirmation":
    "Terima kasih. Permohonan Anda sudah diterima; tanda terima dengan nomor tiket dikirim ke surel pribadi yang Anda isi.",
  "service.form.service.title": "Jenis layanan",
  "service.form.service.help": "Pilih layanan yang Anda mohon.",
  "service.form.address.title": "Alamat akun surel dinas",
  "service.form.address.help": "Alamat akun yang dimaksud, misalnya nama.anda@{domain}.",
  "service.form.nip.title": "NIP / NI PPPK pemilik akun",
  "service.form.nip.help": "18 digit, seperti tercatat pada akun.",
  "service.form.personalEmail.title": "Surel pribadi yang tercatat",
  "service.form.personalEmail.help":
    "Surel pribadi yang Anda daftarkan waktu akun dibuat (surel pemulihan akun). Tanda terima dikirim ke alamat ini.",
  "service.form.fullName.title": "Nama pemohon",
  "service.form.fullName.help": "Nama lengkap Anda.",
  "service.form.newName.title": "Nama baru",
  "service.form.newName.help": "Untuk ubah nama: nama lengkap baru sesuai dokumen kepegawaian.",
  "service.form.targetOpd.title": "OPD tujuan",
  "service.form.targetOpd.help": "Untuk pindah OPD: perangkat daerah yang baru.",
  "service.form.leaveReason.title": "Alasan berhenti",
  "service.form.leaveReason.help": "Untuk berhenti: mutasi keluar, pensiun, atau meninggal.",
  "service.form.effectiveDate.title": "Tanggal berlaku",
  "service.form.effectiveDate.help":
    "Untuk pindah OPD, berhenti, aktifkan kembali: tanggal berlaku (TMT) menurut surat OPD, mis. 01/02/2027. Akun diubah pada tanggal itu.",
  "service.form.letterNumber.title": "Nomor surat OPD",
  "service.form.letterNumber.help": "Nomor surat pengantar dari OPD (wajib untuk perubahan dan berhenti).",
  "service.form.letterDate.title": "Tanggal surat OPD",
  "service.form.letterDate.help": "Tanggal surat pengantar dari OPD, mis. 15/01/2027.",
  "service.receipt.subject": "[{ticket}] Tanda terima: {kind}",
  "service.receipt.intro":
    "Permohonan layanan akun ({kind}) Anda diterima pada {when} dengan nomor tiket {ticket}.",
  "service.receipt.problems":
    "Permohonan ini belum dapat diproses karena hal berikut. Perbaiki lalu kirim formulir layanan akun sekali lagi (permohonan baru):",
  "service.receipt.next":
    "Permohonan Anda akan diperiksa petugas; hasilnya dikirim ke surel pribadi yang tercatat.",
  "service.type.missing": "Jenis layanan wajib dipilih.",
  "service.type.unavailable":
    'Jenis layanan "{value}" belum tersedia. Hubungi kantor dengan menyebutkan nomor tiket.',
  "service.field.required": "{field} wajib diisi untuk {kind}.",
  "service.log.received": "layanan akun: {kind}",
  "service.setup.form_created": "Formulir layanan akun dibuat: {url}",
  "service.setup.form_kept": "Formulir layanan akun sudah ada: {url}",
  "service.setup.questions_added": "Pertanyaan ditambahkan ke formulir layanan akun: {titles}",
  "settings.help.rantai_reset_sandi":
    "Rantai permohonan atur ulang kata sandi: staf (langsung ke tahap terakhir, bawaan) atau lengkap (melalui seluruh tahapan).",
  "settings.chain_choice": '"{value}" bukan pilihan rantai: tulis staf atau lengkap.',
  "service.check.unavailable":
    "Direktori belum dapat ditanya saat permohonan diterima; data diperiksa lagi ketika permohonan dijalankan.",
  "service.exec.unavailable":
    'jenis permohonan "{kind}" belum dapat dijalankan oleh sistem; tangani secara manual atau tolak dengan alasan.',
  "letter.name.reset_template": "Templat Surat Atur Ulang Kata Sandi Akun Surel Dinas",
  "reset.exec.mismatch":
    "Atur ulang kata sandi tidak dijalankan: data permohonan tidak cocok dengan direktori saat ini.\n{detail}",
  "reset.log.verified": "identitas cocok dengan direktori ({address}); kata sandi diatur ulang",
  "provision.mail.reset_subject": "Kata sandi akun surel dinas Anda telah diatur ulang \u2013 {ticket}",
  "provision.mail.reset_intro":
    "Kata sandi akun surel dinas {address} telah diatur ulang atas permohonan dengan nomor tiket {ticket}; kata sandi lama tidak berlaku lagi. Bila Anda tidak pernah mengajukan permohonan ini, segera hubungi kami.",
  "service.check.unpublished":
    "Formulir layanan akun belum terbit: pemilik akun tidak dapat meminta atur ulang kata sandi. Jalankan setup lagi, atau buka formulir dan klik Terbitkan.",
  "service.check.closed":
    "Peringatan: formulir layanan akun terbit tetapi ditutup (tidak menerima jawaban). Bila tidak disengaja, buka formulir → Respons → aktifkan Menerima respons.",
  "service.check.restricted":
    "Formulir layanan akun hanya dapat diisi dengan akun domain, padahal yang lupa kata sandi tidak dapat masuk ke akunnya. Jalankan setup lagi.",
  "service.setup.line": "Formulir layanan akun: {line}",
  "action.buat_akun.service": "Jalankan permohonan",
  "edit.address.service":
    "Alamat akun pada permohonan layanan akun tidak dapat diubah: permohonan diperiksa terhadap akun yang diminta. Bila alamatnya salah, tolak dengan alasan dan minta pemohon mengajukan lagi.",
} as const;
