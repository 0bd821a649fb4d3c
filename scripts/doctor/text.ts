/**
 * The doctor's own message catalogue, in the style of src/domain/text: Indonesian (`id`, the
 * source of truth) and English (`en`, exactly the same keys and parameters). The doctor is a Node
 * command and never part of dist/Code.js, so its texts stay out of the bundle's catalogue.
 */
import type { Language } from "../../src/domain/config.js";

export const id = {
  "doctor.heading": "Pemeriksaan domain {domain} (register {register})",
  "doctor.caller": "Diperiksa sebagai {user}; akun layanan: {service}.",
  "doctor.area.config": "Pengaturan",
  "doctor.area.admin": "Admin SDK",
  "doctor.area.forms": "Formulir",
  "doctor.area.sheets": "Spreadsheet register",
  "doctor.area.drive": "Drive dan Dokumen",
  "doctor.area.script": "Apps Script",
  "doctor.status.ok": "OK",
  "doctor.status.fail": "GAGAL",
  "doctor.status.unknown": "TIDAK DIPERIKSA",
  "doctor.todo": "Yang harus dilakukan: {fix}",
  "doctor.summary": "Ringkasan: {ok} lolos, {fail} gagal, {unknown} tidak dapat diperiksa.",
  "doctor.readonly": "Pemeriksaan ini hanya membaca; tidak ada yang diubah di domain.",

  "doctor.api_error": "{api} menjawab {status} {reason}: {message}",
  "doctor.no_answer": "{api} tidak dapat dihubungi: {message}",

  "doctor.config.read.ok": "Register {title} terbaca; pengaturan diambil dari lembar pengaturannya.",
  "doctor.config.read.fail": "Register {register} tidak dapat dibaca ({detail}).",
  "doctor.config.read.fix":
    "Periksa id register (--register) dan pastikan akun {user} dapat membuka spreadsheet itu; pemeriksaan lain dihentikan.",
  "doctor.config.settings.ok": "Lembar pengaturan terbaca tanpa masalah.",
  "doctor.config.settings.fail": "Lembar pengaturan bermasalah: {problems}",
  "doctor.config.settings.fix":
    "Perbaiki lembar pengaturan yang disebut, lalu minta setup dijalankan lagi oleh akun layanan.",

  "doctor.admin.domain.ok": "Domain {domain} adalah domain akun Google Workspace ini.",
  "doctor.admin.domain.fail":
    "Domain {domain} dari pengaturan bukan domain akun Google Workspace ini (yang ada: {domains}).",
  "doctor.admin.domain.unverified": "Domain {domain} terdaftar tetapi belum diverifikasi.",
  "doctor.admin.domain.alias":
    "Domain {domain} hanya alias dari domain {parent}: akun baru tidak dapat dibuat dengan alamat utama di domain alias.",
  "doctor.admin.domain.fix":
    "Isi kunci domain di lembar Pengaturan dengan domain instansi, atau tambahkan dan verifikasi domain itu di Konsol Admin.",
  "doctor.admin.domain.unknown": "Daftar domain tidak dapat dibaca: {detail}",
  "doctor.admin.domain.unknown_fix":
    "Jalankan doctor dengan akun yang boleh membaca domain (admin), atau periksa domain di Konsol Admin.",

  "doctor.admin.account.fail": "Akun layanan {service} tidak ditemukan di direktori ({detail}).",
  "doctor.admin.account.fix":
    "Buat akun layanan khusus (misalnya layanan.surel@{domain}) dan beri peran admin terbatas seperti dijelaskan di README.",

  "doctor.admin.read_users.ok": "Akun layanan {service} boleh membaca pengguna ({via}).",
  "doctor.admin.read_users.fail": "Akun layanan {service} tidak boleh membaca pengguna (hak Users > Read).",
  "doctor.admin.insert_users.ok": "Akun layanan boleh membuat pengguna di unit organisasi {ou} ({via}).",
  "doctor.admin.insert_users.fail":
    "Akun layanan {service} tidak boleh membuat pengguna di unit organisasi {ou} (hak Users > Create).",
  "doctor.admin.add_members.ok": "Akun layanan boleh menambah anggota grup {group} ({via}).",
  "doctor.admin.add_members.fail":
    "Akun layanan {service} tidak boleh menambah anggota grup {group} (hak Groups > Update untuk seluruh organisasi).",
  "doctor.admin.rights.fix":
    "Di Konsol Admin → Peran admin, beri akun layanan peran yang memuat hak itu untuk seluruh organisasi atau untuk unit organisasi tersebut.",
  "doctor.admin.rights.unknown": "Hak akun layanan {service} tidak dapat dibaca: {detail}",
  "doctor.admin.rights.unknown_fix":
    "Jalankan doctor dengan akun super admin (peran admin hanya dapat dibaca oleh admin yang boleh membaca peran), atau periksa peran akun layanan di Konsol Admin.",
  "doctor.admin.via.super": "super admin",
  "doctor.admin.via.role": "peran {role}",
  "doctor.admin.via.role_ou": "peran {role} untuk {ou}",

  "doctor.admin.orgunit.ok": "Unit organisasi {ou} ada.",
  "doctor.admin.orgunit.fail": "Unit organisasi {ou} (OPD {opd}) tidak ada.",
  "doctor.admin.orgunit.fix":
    "Buat unit organisasi itu di Konsol Admin, atau perbaiki kolom unit organisasi OPD tersebut di lembar OPD.",
  "doctor.admin.orgunit.unknown": "Unit organisasi {ou} tidak dapat diperiksa: {detail}",
  "doctor.admin.group.ok": "Grup {group} ada.",
  "doctor.admin.group.fail": "Grup {group} (OPD {opd}) tidak ada.",
  "doctor.admin.group.fix":
    "Buat grup itu di Konsol Admin, atau perbaiki atau kosongkan kolom grup OPD tersebut di lembar OPD.",
  "doctor.admin.group.unknown": "Grup {group} tidak dapat diperiksa: {detail}",
  "doctor.admin.lookup.unknown_fix": "Jalankan doctor dengan akun admin yang boleh membaca direktori.",

  "doctor.forms.none": "Formulir register tidak ditemukan: {detail}",
  "doctor.forms.none_fix":
    "Sebutkan id formulir dengan --form, atau minta setup dijalankan lagi oleh akun layanan agar formulir dibuat.",
  "doctor.forms.published.ok": "Formulir {form} sudah diterbitkan.",
  "doctor.forms.published.fail": "Formulir {form} belum diterbitkan: pemohon tidak dapat membukanya.",
  "doctor.forms.published.fix":
    "Jalankan setup lagi (setup menerbitkan formulir), atau terbitkan formulir dengan tombol Terbitkan di Google Formulir.",
  "doctor.forms.accepting.ok": "Formulir {form} menerima jawaban.",
  "doctor.forms.accepting.fail": "Formulir {form} tidak menerima jawaban.",
  "doctor.forms.accepting.fix": "Di Google Formulir → Jawaban, nyalakan Menerima jawaban.",
  "doctor.forms.legacy": "Formulir {form} tidak menyebut status terbitnya (formulir lama).",
  "doctor.forms.open.ok": "Siapa pun yang memiliki tautan dapat mengisi formulir {form}.",
  "doctor.forms.open.fail":
    "Formulir {form} hanya dapat diisi oleh {who}: pemohon yang belum punya akun dinas tertolak.",
  "doctor.forms.open.fix":
    "Di Google Formulir → Setelan → Jawaban, matikan pembatasan ke pengguna domain (setup menyetel setRequireLogin(false)), lalu jadikan Siapa saja yang memiliki tautan sebagai responden.",
  "doctor.forms.open.legacy":
    "Formulir {form} adalah formulir lama: siapa yang boleh mengisinya tidak terlihat lewat API.",
  "doctor.forms.open.domain_users": "pengguna domain {domain}",
  "doctor.forms.open.named_users": "responden yang disebut satu per satu",
  "doctor.forms.linked.ok": "Formulir {form} mengirim jawabannya ke register.",
  "doctor.forms.linked.fail":
    "Formulir {form} mengirim jawabannya ke {target}, bukan ke register {register}.",
  "doctor.forms.linked.none": "tidak ke spreadsheet mana pun",
  "doctor.forms.linked.fix":
    "Di Google Formulir → Jawaban → Tautkan ke Spreadsheet, pilih register; atau jalankan setup lagi.",
  "doctor.forms.unknown": "Formulir {form} tidak dapat dibaca: {detail}",
  "doctor.forms.unknown_fix": "Pastikan akun yang menjalankan doctor dapat membuka formulir itu.",

  "doctor.sheets.locale.ok": "Lokal spreadsheet {locale}: tanggal pada jawaban formulir dibaca {order}.",
  "doctor.sheets.locale.fail":
    "Lokal spreadsheet {locale}: surel akan membaca tanggal pada jawaban formulir sebagai {order}, tetapi itu belum diuji untuk lokal ini (diuji: {known}).",
  "doctor.sheets.locale.fix":
    "Di spreadsheet → File → Setelan → Lokal, pilih Indonesia (atau Amerika Serikat), lalu jalankan setup lagi.",
  "doctor.sheets.time_zone.ok": "Zona waktu spreadsheet {zone} sama dengan zona waktu kantor.",
  "doctor.sheets.time_zone.fail":
    "Zona waktu spreadsheet {zone} berbeda dengan zona waktu kantor {office}: register dan surel akan menunjukkan jam yang berbeda.",
  "doctor.sheets.time_zone.fix":
    "Jalankan setup lagi (setup menyetel zona waktu spreadsheet), atau pilih {office} di File → Setelan.",
  "doctor.sheets.present.ok": "Semua lembar yang dipakai surel ada.",
  "doctor.sheets.present.fail": "Lembar yang dipakai surel tidak ada: {sheets}.",
  "doctor.sheets.present.fix":
    "Jalankan setup lagi oleh akun layanan; setup membuat lembar yang hilang tanpa mengubah isi yang ada.",
  "doctor.sheets.protected.ok": "Lembar {sheet} terlindungi.",
  "doctor.sheets.protected.fail": "Lembar {sheet} tidak terlindungi: {why}.",
  "doctor.sheets.protected.none": "tidak ada perlindungan untuk seluruh lembar",
  "doctor.sheets.protected.warning": "perlindungannya hanya peringatan",
  "doctor.sheets.protected.domain": "semua pengguna domain boleh mengubahnya",
  "doctor.sheets.protected.editors":
    "orang selain administrator boleh mengubah daftar yang berisi data pribadi ini",
  "doctor.sheets.protected.fix":
    "Jalankan setup lagi oleh akun layanan; setup memasang perlindungan lembar itu kembali.",
  "doctor.sheets.sharing.ok": "Register tidak dibagikan lewat tautan.",
  "doctor.sheets.sharing.fail": "Register dibagikan lewat tautan ({who}, sebagai {role}).",
  "doctor.sheets.sharing.fix":
    "Di spreadsheet → Bagikan → Akses umum, pilih Dibatasi; bagikan hanya kepada pejabat yang disebut di lembar Tahapan.",
  "doctor.sheets.sharing.unknown": "Izin berbagi register tidak dapat dibaca: {detail}",
  "doctor.sharing.anyone": "siapa pun yang memiliki tautan",
  "doctor.sharing.domain": "semua orang di {domain} yang memiliki tautan",

  "doctor.drive.template.none": "Templat surat tidak ditemukan: {detail}",
  "doctor.drive.template.none_fix":
    "Sebutkan id templat dengan --template, atau jalankan setup lagi agar templat dibuat.",
  "doctor.drive.template.ok":
    "Templat surat {template} memuat setiap tempat isian yang diperlukan dan tidak ada yang asing.",
  "doctor.drive.template.fail": "Templat surat {template} bermasalah: {problems}",
  "doctor.drive.template.fix":
    "Perbaiki templat di Google Dokumen; daftar tempat isian ada di docs/LETTER.md.",
  "doctor.drive.template.unknown": "Templat surat {template} tidak dapat dibaca: {detail}",
  "doctor.drive.archive.none": "Folder arsip surat tidak ditemukan: {detail}",
  "doctor.drive.archive.none_fix":
    "Sebutkan id folder arsip dengan --archive, atau jalankan setup lagi agar folder dibuat.",
  "doctor.drive.archive.ok": "Folder arsip {folder} hanya dibagikan kepada administrator.",
  "doctor.drive.archive.fail": "Folder arsip {folder} dibagikan kepada yang bukan administrator: {who}.",
  "doctor.drive.archive.fix":
    "Di Google Drive → Bagikan folder arsip, hapus akses selain akun layanan dan administrator di lembar Pengaturan, dan pilih akses umum Dibatasi.",
  "doctor.drive.archive.unknown": "Izin folder arsip {folder} tidak dapat dibaca: {detail}",
  "doctor.drive.unknown_fix": "Pastikan akun yang menjalankan doctor dapat membuka berkas itu.",

  "doctor.script.none": "Id proyek Apps Script tidak diketahui.",
  "doctor.script.none_fix":
    "Isi scriptId di .clasp.json (seperti untuk npm run deploy) atau sebutkan dengan --script.",
  "doctor.script.standalone.ok": "Proyek Apps Script {script} berdiri sendiri (tidak terikat ke register).",
  "doctor.script.standalone.fail":
    "Proyek Apps Script {script} terikat ke berkas {parent}: setiap editor berkas itu dapat mengubah kode yang berjalan dengan hak admin.",
  "doctor.script.standalone.fix":
    "Pasang surel sebagai proyek mandiri milik akun layanan (README, bagian memasang), lalu hapus proyek yang terikat.",
  "doctor.script.owner.ok": "Proyek Apps Script dimiliki akun layanan {service}.",
  "doctor.script.owner.fail": "Proyek Apps Script dimiliki {owner}, bukan akun layanan {service}.",
  "doctor.script.owner.fix":
    "Pindahkan kepemilikan proyek ke akun layanan, atau buat proyek dengan akun layanan dan deploy ulang.",
  "doctor.script.unknown": "Proyek Apps Script {script} tidak dapat dibaca: {detail}",
  "doctor.script.unknown_fix":
    "Aktifkan Apps Script API untuk akun ini (script.google.com/home/usersettings) dan pastikan akun itu dapat membuka proyek; akun layanan Google Cloud tidak didukung Apps Script API.",
  "doctor.script.triggers.ok": "Pemicu {handler} ({event}) terpasang tepat satu kali, milik {service}.",
  "doctor.script.triggers.missing": "Pemicu {handler} ({event}) milik {service} tidak ada.",
  "doctor.script.triggers.twice":
    "Pemicu {handler} terpasang {count} kali: setiap kejadian akan diproses {count} kali.",
  "doctor.script.triggers.wrong":
    "Pemicu {handler} milik {service} terpasang untuk {event} pada {source}, bukan seperti yang diharapkan.",
  "doctor.script.triggers.fix":
    "Jalankan setup lagi sebagai akun layanan; setup memasang setiap pemicu tepat satu kali dan menghapus yang berlebih.",
  "doctor.script.triggers.unknown":
    "Pemicu tidak dapat dilihat: Apps Script API tidak menyediakan daftar pemicu, dan pemeriksaan lewat scripts.run gagal ({detail}).",
  "doctor.script.triggers.unknown_fix":
    "Deploy proyek sebagai API executable dengan proyek Google Cloud standar, login clasp dengan klien OAuth proyek itu dan cakupan proyek (README, bagian doctor), lalu jalankan doctor lagi sebagai akun layanan.",
  "doctor.script.triggers.other_user":
    "Pemicu hanya terlihat untuk akun yang memasangnya; doctor dijalankan sebagai {user}, bukan akun layanan {service}.",
  "doctor.script.triggers.other_user_fix": "Login clasp sebagai akun layanan, lalu jalankan doctor lagi.",
  "doctor.lookup.flag": "disebut dengan {flag}",
  "doctor.lookup.diagnostic": "dari Script Properties proyek",
  "doctor.lookup.search": "ditemukan di Drive",
  "doctor.lookup.not_found": "tidak ada yang cocok",
  "doctor.lookup.ambiguous": "{count} berkas cocok",

  "doctor.cli.usage":
    "Pemakaian: npm run doctor -- --register ID_SPREADSHEET [--script ID] [--form ID] [--template ID] [--archive ID] [--service-account SUREL] [--lang id|en] [--clasprc BERKAS] [--user NAMA] [--key BERKAS --subject SUREL] [--print-scopes] [--json]",
  "doctor.cli.no_register":
    "Id spreadsheet register belum disebut: tambahkan --register ID (bagian /d/ID/ dari alamat register).",
  "doctor.cli.bad_lang": "Bahasa {value} tidak dikenal; pilih id atau en.",
  "doctor.auth.no_file":
    "Berkas kredensial clasp {path} tidak ada: jalankan npx clasp login (lihat README, bagian doctor), atau sebutkan --clasprc atau --key.",
  "doctor.auth.not_json": "Berkas kredensial {path} bukan JSON.",
  "doctor.auth.no_user":
    "Berkas kredensial clasp tidak memuat pengguna {user}: jalankan npx clasp --user {user} login (lihat README, bagian doctor).",
  "doctor.auth.no_token":
    "Kredensial clasp tidak memuat token atau id klien OAuth: login lagi dengan clasp versi sekarang.",
  "doctor.auth.not_key": "Berkas {path} bukan kunci akun layanan Google Cloud.",
  "doctor.auth.no_subject":
    "Berkas kunci memerlukan --subject SUREL: pengguna domain yang diwakili akun layanan Google Cloud itu.",
  "doctor.auth.failed": "Masuk ke Google gagal: {detail}",
} as const;

export type DoctorKey = keyof typeof id;

export const en: Record<DoctorKey, string> = {
  "doctor.heading": "Checking domain {domain} (register {register})",
  "doctor.caller": "Checked as {user}; service account: {service}.",
  "doctor.area.config": "Settings",
  "doctor.area.admin": "Admin SDK",
  "doctor.area.forms": "Form",
  "doctor.area.sheets": "Register spreadsheet",
  "doctor.area.drive": "Drive and Docs",
  "doctor.area.script": "Apps Script",
  "doctor.status.ok": "OK",
  "doctor.status.fail": "FAILED",
  "doctor.status.unknown": "NOT CHECKED",
  "doctor.todo": "What to do: {fix}",
  "doctor.summary": "Summary: {ok} passed, {fail} failed, {unknown} could not be checked.",
  "doctor.readonly": "This check only reads; nothing in the domain was changed.",

  "doctor.api_error": "{api} answered {status} {reason}: {message}",
  "doctor.no_answer": "{api} could not be reached: {message}",

  "doctor.config.read.ok": "Register {title} is readable; the settings come from its settings sheets.",
  "doctor.config.read.fail": "Register {register} cannot be read ({detail}).",
  "doctor.config.read.fix":
    "Check the register id (--register) and that the account {user} can open that spreadsheet; the other checks were stopped.",
  "doctor.config.settings.ok": "The settings sheets read without problems.",
  "doctor.config.settings.fail": "The settings sheets have problems: {problems}",
  "doctor.config.settings.fix":
    "Correct the settings sheets named, then have setup run again by the service account.",

  "doctor.admin.domain.ok": "Domain {domain} is a domain of this Google Workspace account.",
  "doctor.admin.domain.fail":
    "Domain {domain} from the settings is not a domain of this Google Workspace account (it has: {domains}).",
  "doctor.admin.domain.unverified": "Domain {domain} is registered but not verified.",
  "doctor.admin.domain.alias":
    "Domain {domain} is only an alias of {parent}: no new account can have its primary address in an alias domain.",
  "doctor.admin.domain.fix":
    "Put the office's domain in the domain key of the Pengaturan sheet, or add and verify that domain in the Admin console.",
  "doctor.admin.domain.unknown": "The list of domains cannot be read: {detail}",
  "doctor.admin.domain.unknown_fix":
    "Run the doctor with an account that may read domains (an administrator), or check the domain in the Admin console.",

  "doctor.admin.account.fail": "The service account {service} was not found in the directory ({detail}).",
  "doctor.admin.account.fix":
    "Create a dedicated service account (for example layanan.surel@{domain}) and give it the limited admin role the README describes.",

  "doctor.admin.read_users.ok": "The service account {service} may read users ({via}).",
  "doctor.admin.read_users.fail":
    "The service account {service} may not read users (privilege Users > Read).",
  "doctor.admin.insert_users.ok": "The service account may create users in org unit {ou} ({via}).",
  "doctor.admin.insert_users.fail":
    "The service account {service} may not create users in org unit {ou} (privilege Users > Create).",
  "doctor.admin.add_members.ok": "The service account may add members to group {group} ({via}).",
  "doctor.admin.add_members.fail":
    "The service account {service} may not add members to group {group} (privilege Groups > Update for the whole organisation).",
  "doctor.admin.rights.fix":
    "In the Admin console → Admin roles, give the service account a role holding that privilege for the whole organisation or for that org unit.",
  "doctor.admin.rights.unknown": "The rights of the service account {service} cannot be read: {detail}",
  "doctor.admin.rights.unknown_fix":
    "Run the doctor as a super administrator (admin roles can only be read by an administrator allowed to read roles), or check the service account's roles in the Admin console.",
  "doctor.admin.via.super": "super administrator",
  "doctor.admin.via.role": "role {role}",
  "doctor.admin.via.role_ou": "role {role} for {ou}",

  "doctor.admin.orgunit.ok": "Org unit {ou} exists.",
  "doctor.admin.orgunit.fail": "Org unit {ou} (agency {opd}) does not exist.",
  "doctor.admin.orgunit.fix":
    "Create that org unit in the Admin console, or correct the agency's org unit column in the OPD sheet.",
  "doctor.admin.orgunit.unknown": "Org unit {ou} cannot be checked: {detail}",
  "doctor.admin.group.ok": "Group {group} exists.",
  "doctor.admin.group.fail": "Group {group} (agency {opd}) does not exist.",
  "doctor.admin.group.fix":
    "Create that group in the Admin console, or correct or empty the agency's group column in the OPD sheet.",
  "doctor.admin.group.unknown": "Group {group} cannot be checked: {detail}",
  "doctor.admin.lookup.unknown_fix":
    "Run the doctor with an administrator account that may read the directory.",

  "doctor.forms.none": "The register's form was not found: {detail}",
  "doctor.forms.none_fix":
    "Name the form's id with --form, or have setup run again by the service account so that the form is made.",
  "doctor.forms.published.ok": "Form {form} is published.",
  "doctor.forms.published.fail": "Form {form} is not published: applicants cannot open it.",
  "doctor.forms.published.fix":
    "Run setup again (setup publishes the form), or publish the form with the Publish button in Google Forms.",
  "doctor.forms.accepting.ok": "Form {form} accepts responses.",
  "doctor.forms.accepting.fail": "Form {form} does not accept responses.",
  "doctor.forms.accepting.fix": "In Google Forms → Responses, turn on Accepting responses.",
  "doctor.forms.legacy": "Form {form} does not report its publishing state (a legacy form).",
  "doctor.forms.open.ok": "Anyone with the link can fill in form {form}.",
  "doctor.forms.open.fail":
    "Form {form} can only be filled in by {who}: applicants who have no official account yet are locked out.",
  "doctor.forms.open.fix":
    "In Google Forms → Settings → Responses, turn off the restriction to domain users (setup sets setRequireLogin(false)), then make Anyone with the link a responder.",
  "doctor.forms.open.legacy":
    "Form {form} is a legacy form: who may respond is not visible through the APIs.",
  "doctor.forms.open.domain_users": "users of the domain {domain}",
  "doctor.forms.open.named_users": "responders named one by one",
  "doctor.forms.linked.ok": "Form {form} sends its responses to the register.",
  "doctor.forms.linked.fail": "Form {form} sends its responses to {target}, not to the register {register}.",
  "doctor.forms.linked.none": "no spreadsheet",
  "doctor.forms.linked.fix":
    "In Google Forms → Responses → Link to Sheets, choose the register; or run setup again.",
  "doctor.forms.unknown": "Form {form} cannot be read: {detail}",
  "doctor.forms.unknown_fix": "Make sure the account running the doctor can open that form.",

  "doctor.sheets.locale.ok": "Spreadsheet locale {locale}: dates in form answers are read {order}.",
  "doctor.sheets.locale.fail":
    "Spreadsheet locale {locale}: surel would read dates in form answers as {order}, but that is not tested for this locale (tested: {known}).",
  "doctor.sheets.locale.fix":
    "In the spreadsheet → File → Settings → Locale, choose Indonesia (or United States), then run setup again.",
  "doctor.sheets.time_zone.ok": "Spreadsheet time zone {zone} is the office's time zone.",
  "doctor.sheets.time_zone.fail":
    "Spreadsheet time zone {zone} differs from the office's time zone {office}: the register and the mails would show different clocks.",
  "doctor.sheets.time_zone.fix":
    "Run setup again (setup sets the spreadsheet's time zone), or choose {office} in File → Settings.",
  "doctor.sheets.present.ok": "Every sheet surel uses exists.",
  "doctor.sheets.present.fail": "Sheets surel uses are missing: {sheets}.",
  "doctor.sheets.present.fix":
    "Have setup run again by the service account; setup makes missing sheets without changing what exists.",
  "doctor.sheets.protected.ok": "Sheet {sheet} is protected.",
  "doctor.sheets.protected.fail": "Sheet {sheet} is not protected: {why}.",
  "doctor.sheets.protected.none": "there is no protection of the whole sheet",
  "doctor.sheets.protected.warning": "its protection only warns",
  "doctor.sheets.protected.domain": "every user of the domain may edit it",
  "doctor.sheets.protected.editors":
    "people other than the administrators may edit this list of personal data",
  "doctor.sheets.protected.fix":
    "Have setup run again by the service account; setup puts that sheet's protection back.",
  "doctor.sheets.sharing.ok": "The register is not shared by link.",
  "doctor.sheets.sharing.fail": "The register is shared by link ({who}, as {role}).",
  "doctor.sheets.sharing.fix":
    "In the spreadsheet → Share → General access, choose Restricted; share only with the officials named in the Tahapan sheet.",
  "doctor.sheets.sharing.unknown": "The register's sharing cannot be read: {detail}",
  "doctor.sharing.anyone": "anyone with the link",
  "doctor.sharing.domain": "everyone at {domain} with the link",

  "doctor.drive.template.none": "The letter template was not found: {detail}",
  "doctor.drive.template.none_fix":
    "Name the template's id with --template, or run setup again so that the template is made.",
  "doctor.drive.template.ok":
    "Letter template {template} has every placeholder the letter needs and no unknown one.",
  "doctor.drive.template.fail": "Letter template {template} has problems: {problems}",
  "doctor.drive.template.fix":
    "Correct the template in Google Docs; the placeholders are listed in docs/LETTER.md.",
  "doctor.drive.template.unknown": "Letter template {template} cannot be read: {detail}",
  "doctor.drive.archive.none": "The letter archive folder was not found: {detail}",
  "doctor.drive.archive.none_fix":
    "Name the archive folder's id with --archive, or run setup again so that the folder is made.",
  "doctor.drive.archive.ok": "Archive folder {folder} is shared with administrators only.",
  "doctor.drive.archive.fail":
    "Archive folder {folder} is shared with people who are not administrators: {who}.",
  "doctor.drive.archive.fix":
    "In Google Drive → Share the archive folder, remove every access but the service account and the administrators in the Pengaturan sheet, and choose Restricted general access.",
  "doctor.drive.archive.unknown": "The sharing of archive folder {folder} cannot be read: {detail}",
  "doctor.drive.unknown_fix": "Make sure the account running the doctor can open that file.",

  "doctor.script.none": "The Apps Script project id is not known.",
  "doctor.script.none_fix":
    "Fill in scriptId in .clasp.json (as for npm run deploy) or give it with --script.",
  "doctor.script.standalone.ok": "Apps Script project {script} is standalone (not bound to the register).",
  "doctor.script.standalone.fail":
    "Apps Script project {script} is bound to file {parent}: every editor of that file can change code that runs with admin rights.",
  "doctor.script.standalone.fix":
    "Install surel as a standalone project owned by the service account (README, deploying), then delete the bound project.",
  "doctor.script.owner.ok": "The Apps Script project is owned by the service account {service}.",
  "doctor.script.owner.fail":
    "The Apps Script project is owned by {owner}, not by the service account {service}.",
  "doctor.script.owner.fix":
    "Transfer the project to the service account, or create the project as the service account and deploy again.",
  "doctor.script.unknown": "Apps Script project {script} cannot be read: {detail}",
  "doctor.script.unknown_fix":
    "Turn on the Apps Script API for this account (script.google.com/home/usersettings) and make sure it can open the project; Google Cloud service accounts are not supported by the Apps Script API.",
  "doctor.script.triggers.ok": "Trigger {handler} ({event}) is installed exactly once, owned by {service}.",
  "doctor.script.triggers.missing": "Trigger {handler} ({event}) of {service} is missing.",
  "doctor.script.triggers.twice":
    "Trigger {handler} is installed {count} times: every event would be handled {count} times.",
  "doctor.script.triggers.wrong":
    "Trigger {handler} of {service} is installed for {event} on {source}, not as expected.",
  "doctor.script.triggers.fix":
    "Run setup again as the service account; setup installs each trigger exactly once and deletes extra ones.",
  "doctor.script.triggers.unknown":
    "Triggers cannot be seen: the Apps Script API has no list of triggers, and the check through scripts.run failed ({detail}).",
  "doctor.script.triggers.unknown_fix":
    "Deploy the project as an API executable with a standard Google Cloud project, log clasp in with that project's OAuth client and the project's scopes (README, doctor section), then run the doctor again as the service account.",
  "doctor.script.triggers.other_user":
    "Triggers are visible only to the account that installed them; the doctor ran as {user}, not as the service account {service}.",
  "doctor.script.triggers.other_user_fix": "Log clasp in as the service account, then run the doctor again.",
  "doctor.lookup.flag": "given with {flag}",
  "doctor.lookup.diagnostic": "from the project's Script Properties",
  "doctor.lookup.search": "found in Drive",
  "doctor.lookup.not_found": "nothing matches",
  "doctor.lookup.ambiguous": "{count} files match",

  "doctor.cli.usage":
    "Usage: npm run doctor -- --register SPREADSHEET_ID [--script ID] [--form ID] [--template ID] [--archive ID] [--service-account EMAIL] [--lang id|en] [--clasprc FILE] [--user NAME] [--key FILE --subject EMAIL] [--print-scopes] [--json]",
  "doctor.cli.no_register":
    "The register's spreadsheet id is missing: add --register ID (the /d/ID/ part of the register's address).",
  "doctor.cli.bad_lang": "Unknown language {value}; choose id or en.",
  "doctor.auth.no_file":
    "There is no clasp credentials file {path}: run npx clasp login (see the README, doctor section), or give --clasprc or --key.",
  "doctor.auth.not_json": "The credentials file {path} is not JSON.",
  "doctor.auth.no_user":
    "The clasp credentials file holds no user {user}: run npx clasp --user {user} login (see the README, doctor section).",
  "doctor.auth.no_token":
    "The clasp credentials hold no token or OAuth client id: log in again with a current clasp.",
  "doctor.auth.not_key": "The file {path} is not a Google Cloud service account key.",
  "doctor.auth.no_subject":
    "A key file needs --subject EMAIL: the domain user the Google Cloud service account acts as.",
  "doctor.auth.failed": "Signing in to Google failed: {detail}",
};

export const catalogues: Readonly<Record<Language, Readonly<Record<DoctorKey, string>>>> = { id, en };

export type DoctorParams = Readonly<Record<string, string | number>>;

/** A doctor text in a language; a parameter not given stays visible as "{name}". */
export function dt(lang: Language, key: DoctorKey, params?: DoctorParams): string {
  const text = catalogues[lang][key] ?? id[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
