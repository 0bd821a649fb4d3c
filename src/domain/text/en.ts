/**
 * English texts. Exactly the keys of id.ts (the type makes a missing or an extra key a compile
 * error) and the same {parameters} per key (test/domain/text.test.ts checks it).
 */
import type { id } from "./id.js";

export const en: Record<keyof typeof id, string> = {
  // ── NIP (PNS) ─────────────────────────────────────────────────────────────
  "nip.empty": "The NIP is missing.",
  "nip.chars": "A NIP contains digits only (found: {chars}).",
  "nip.lookalike": "A NIP contains digits only; the letters {chars} seem to have been typed for 0 or 1.",
  "nip.length": "A NIP has 18 digits (you typed {count}).",
  "nip.birth_date": "The birth date in the NIP (first 8 digits: {digits}) is not a valid date.",
  "nip.birth_year":
    "The birth year in the NIP ({year}) is implausible; it should be between {min} and {max}.",
  "nip.appointment_month": "The appointment month in the NIP (digits 13 and 14: {digits}) must be 01 to 12.",
  "nip.appointment_future":
    "The appointment year and month in the NIP (digits 9 to 14: {digits}, {month}) has not been reached yet.",
  "nip.appointment_early":
    "The appointment year and month in the NIP (digits 9 to 14: {digits}, {month}) is less than 18 years after the birth date.",
  "nip.gender": "Digit 15 of the NIP (sex) must be 1 (male) or 2 (female); it is {digit}.",
  "nip.serial": "The serial number in the NIP (last 3 digits) cannot be 000.",
  "nip.required": "A NIP is required for civil servants (PNS).",
  "nip.non_asn":
    "Non-ASN staff have no NIP or NI PPPK; leave the NIP/NI PPPK field empty or choose the status PNS/PPPK.",
  "nip.looks_pppk": "This number looks like a NI PPPK; if you are PPPK, choose the status PPPK.",

  // ── NI PPPK ───────────────────────────────────────────────────────────────
  "nipppk.empty": "The NI PPPK is missing.",
  "nipppk.chars": "A NI PPPK contains digits only (found: {chars}).",
  "nipppk.lookalike":
    "A NI PPPK contains digits only; the letters {chars} seem to have been typed for 0 or 1.",
  "nipppk.length": "A NI PPPK has 18 digits (you typed {count}).",
  "nipppk.birth_date": "The birth date in the NI PPPK (first 8 digits: {digits}) is not a valid date.",
  "nipppk.birth_year":
    "The birth year in the NI PPPK ({year}) is implausible; it should be between {min} and {max}.",
  "nipppk.year_future":
    "The appointment year in the NI PPPK (digits 9 to 12: {year}) has not been reached yet.",
  "nipppk.year_early":
    "The appointment year in the NI PPPK (digits 9 to 12: {year}) is before the first PPPK appointments ({min}).",
  "nipppk.year_age":
    "The appointment year in the NI PPPK (digits 9 to 12: {year}) is less than 18 years after the birth year.",
  "nipppk.gender": "Digit 15 of the NI PPPK (sex) must be 1 (male) or 2 (female); it is {digit}.",
  "nipppk.serial": "The serial number in the NI PPPK (last 3 digits) cannot be 000.",
  "nipppk.required": "A NI PPPK is required for PPPK employees.",
  "nipppk.looks_nip": "This number looks like a civil servant's NIP; if you are PNS, choose the status PNS.",

  // ── NIK ───────────────────────────────────────────────────────────────────
  "nik.empty": "The NIK is missing.",
  "nik.chars": "A NIK contains digits only (found: {chars}).",
  "nik.lookalike": "A NIK contains digits only; the letters {chars} seem to have been typed for 0 or 1.",
  "nik.length": "A NIK has 16 digits (you typed {count}).",
  "nik.province": "The province code in the NIK (first 2 digits: {digits}) is unknown.",
  "nik.regency": "The regency/city code in the NIK (digits 3 and 4: {digits}) is not valid.",
  "nik.district": "The district code in the NIK (digits 5 and 6: {digits}) is not valid.",
  "nik.birth_date":
    "The birth date in the NIK (digits 7 to 12: {digits}, format DDMMYY; women: day + 40) is not a valid date.",
  "nik.serial": "The serial number in the NIK (last 4 digits) cannot be 0000.",
  "nik.required": "A NIK is required.",
  "nik.birth_mismatch": "The birth date in the NIK ({nik}) differs from the one in the NIP/NI PPPK ({asn}).",
  "nik.gender_mismatch": "The sex in the NIK differs from the sex in the NIP/NI PPPK.",

  // ── Phone ─────────────────────────────────────────────────────────────────
  "phone.empty": "The mobile number is missing.",
  "phone.chars": "A mobile number contains digits, spaces, dashes and + only (found: {chars}).",
  "phone.country": "The mobile number must be an Indonesian number (+62 or starting with 08).",
  "phone.prefix": "The mobile number must start with 08, 628 or +628, e.g. 0812-3456-7890.",
  "phone.too_short":
    "The mobile number is too short: {count} digits, at least {min} including the leading 0.",
  "phone.too_long": "The mobile number is too long: {count} digits, at most {max} including the leading 0.",
  "phone.not_mobile": "A 080x number is not a mobile number; enter your mobile/WhatsApp number.",
  "phone.landline": "This looks like an office/home landline; enter your mobile/WhatsApp number.",

  // ── Form answers in general ───────────────────────────────────────────────
  "field.required": "\u201c{field}\u201d is required.",
  "field.truncated": "\u201c{field}\u201d was too long and has been cut to {max} characters.",
  "name.no_name": "The full name field contains titles only; please write your name too.",
  "name.chars": "The name contains characters unusual for a name: {chars}.",
  "name.unknown_title":
    "The title \u201c{title}\u201d is not known to us and is kept as you wrote it; please check it.",
  "status.unknown": "Unknown employment status \u201c{value}\u201d; choose PNS, PPPK or Non-ASN.",
  "email.invalid":
    "The personal e-mail address \u201c{value}\u201d is not valid; a correct example: name@gmail.com.",
  "email.office_domain":
    "The personal e-mail address cannot be an @{domain} address: enter your personal address (e.g. Gmail) for delivery and account recovery.",
  "email.typo": "Please check your personal e-mail address: did you mean {suggestion}?",
  "opd.unknown": "The agency \u201c{value}\u201d is not in the list; choose one from the list of agencies.",
  "account_type.unknown": "Unknown account type \u201c{value}\u201d; choose Personal or Work unit.",
  "unit.acronym_required": "A work unit account needs the unit's acronym (e.g. PPID or APTIKA).",
  "unit.acronym_chars":
    "The unit acronym may contain letters, digits, spaces, dots, dashes and underscores only, at most {max} characters.",
  "unit.non_asn": "A work unit account must be requested by a responsible official who is PNS or PPPK.",
  "username.chars":
    "The proposed user name may contain letters a\u2013z, digits, dots, dashes (-), underscores (_) and apostrophes (') only (found: {chars}).",
  "username.dots": "The proposed user name cannot start or end with a dot or contain two dots in a row.",
  "username.too_long": "The proposed user name has at most {max} characters (you typed {count}).",
  "username.other_domain":
    "For the proposed user name, the part before @ is enough; official addresses always end in @{domain}.",
  "letter_date.invalid":
    "The request letter date \u201c{value}\u201d cannot be read; use the format DD/MM/YYYY.",
  "letter_date.future": "The request letter date ({date}) cannot be after today.",
  "ticket.invalid": "The ticket number \u201c{value}\u201d is not in the right format, e.g. SRL-2611-0007.",
  "statement.required": "You need to accept the statement of responsibility for the official e-mail account.",

  // ── Mapping a form submission (for administrators) ───────────────────────
  "form.unknown_title":
    "The form question \u201c{title}\u201d is unknown to the system (its title may have been changed).",
  "form.missing_title":
    "The form question \u201c{title}\u201d is missing from the form's answers; the form needs to be set up again.",

  // ── Choices ───────────────────────────────────────────────────────────────
  "choice.status.PNS": "PNS (civil servant)",
  "choice.status.PPPK": "PPPK (government employee with a work agreement)",
  "choice.status.NON_ASN": "Non-ASN (contract staff)",
  "choice.account.pribadi": "Personal",
  "choice.account.unit": "Work unit",
  "choice.statement":
    "I accept responsibility for the use and management of this official e-mail account in accordance with the applicable rules.",

  // ── The application form ──────────────────────────────────────────────────
  "form.title": "Official E-mail Account Request \u2013 {office}",
  "form.description":
    "Request form for official e-mail accounts for staff and work units of {government}. Enter your data as in your personnel documents. A receipt with a ticket number is sent to your personal e-mail address.",
  "form.confirmation":
    "Thank you. Your request has been received; a receipt with a ticket number is sent to your personal e-mail address.",
  "form.fullName.title": "Full name",
  "form.fullName.help":
    "As in your personnel documents. Titles may be written here or in the title fields below.",
  "form.fullName.label": "Full name",
  "form.titlesBefore.title": "Titles before the name",
  "form.titlesBefore.help": "E.g. Dr., Ir., H., Hj. Leave empty if none.",
  "form.titlesBefore.label": "Titles before the name",
  "form.titlesAfter.title": "Titles after the name",
  "form.titlesAfter.help": "E.g. S.Kom., M.Si. Leave empty if none.",
  "form.titlesAfter.label": "Titles after the name",
  "form.status.title": "Employment status",
  "form.status.help": "PNS, PPPK, or Non-ASN (contract staff).",
  "form.status.label": "Employment status",
  "form.nip.title": "NIP / NI PPPK",
  "form.nip.help": "18 digits without spaces. Required for PNS and PPPK; leave empty if Non-ASN.",
  "form.nip.label": "NIP / NI PPPK",
  "form.nik.title": "NIK (national ID number)",
  "form.nik.help": "Population identity number, 16 digits as on your ID card (KTP).",
  "form.nik.label": "NIK",
  "form.position.title": "Position",
  "form.position.help": "Your current position, e.g. Pranata Komputer Ahli Pertama.",
  "form.position.label": "Position",
  "form.opd.title": "Agency (OPD)",
  "form.opd.help": "The regional agency (OPD) you work in.",
  "form.opd.label": "Agency",
  "form.phone.title": "Mobile/WhatsApp number",
  "form.phone.help": "E.g. 0812-3456-7890. Used for confirmation and account recovery.",
  "form.phone.label": "Mobile number",
  "form.personalEmail.title": "Personal e-mail address",
  "form.personalEmail.help":
    "An active personal address (not an official one) for the receipt, the account letter and account recovery.",
  "form.personalEmail.label": "Personal e-mail address",
  "form.accountType.title": "Account type",
  "form.accountType.help": "Personal for staff; Work unit for an account shared by a unit (e.g. PPID).",
  "form.accountType.label": "Account type",
  "form.unitName.title": "Work unit name (work unit accounts only)",
  "form.unitName.help": "E.g. Pejabat Pengelola Informasi dan Dokumentasi.",
  "form.unitName.label": "Work unit name",
  "form.unitAcronym.title": "Work unit acronym (work unit accounts only)",
  "form.unitAcronym.help": "Used for the account name, e.g. PPID.",
  "form.unitAcronym.label": "Work unit acronym",
  "form.proposedUsername.title": "Proposed user name",
  "form.proposedUsername.help":
    "The part before @, e.g. ahmad.fauzi. May be left empty; the user name follows the naming rules in force.",
  "form.proposedUsername.label": "Proposed user name",
  "form.letterNumber.title": "Request letter number",
  "form.letterNumber.help": "Number of the request letter from the head of the agency.",
  "form.letterNumber.label": "Request letter number",
  "form.letterDate.title": "Request letter date",
  "form.letterDate.help": "Date of the request letter from the head of the agency.",
  "form.letterDate.label": "Request letter date",
  "form.previousTicket.title": "Previous ticket number (when correcting a request)",
  "form.previousTicket.help": "Only when you correct a request that was returned to you, e.g. SRL-2611-0007.",
  "form.previousTicket.label": "Previous ticket number",
  "form.statusCode.title": "Status code from the receipt",
  "form.statusCode.help":
    "Only when you correct a request: the secret code from that request's receipt e-mail, e.g. 7K2M-9QXR-4HWD. Without the right code the correction is not applied.",
  "form.statusCode.label": "Status code",
  "form.statement.title": "Statement",
  "form.statement.help": "Managing the official e-mail account is entirely the user's responsibility.",
  "form.statement.label": "Statement",
  "form.valid.nip": "A NIP/NI PPPK has 18 digits.",
  "form.valid.nik": "A NIK has 16 digits.",
  "form.valid.phone": "Enter a mobile number, e.g. 0812-3456-7890.",
  "form.valid.email": "Enter a valid e-mail address, e.g. name@gmail.com.",
  "form.valid.username": "Use letters, digits, dots, dashes or underscores; no @.",
  "form.valid.acronym": "Use letters, digits, spaces, dots, dashes or underscores.",
  "form.valid.ticket": "Ticket number format: SRL-2611-0007.",
  "form.valid.status_code": "The status code has 12 letters or digits, e.g. 7K2M-9QXR-4HWD.",
  "form.valid.length": "At most {max} characters.",

  // ── Request statuses (labels) ─────────────────────────────────────────────
  "status.baru": "new",
  "status.diproses": "in progress",
  "status.perlu_perbaikan": "needs correction",
  "status.ditahan": "on hold",
  "status.ditolak": "rejected",
  "status.disetujui": "approved",
  "status.membuat_akun": "creating account",
  "status.akun_dibuat": "account created",
  "status.selesai": "completed",

  // ── Disposition actions and refusals (domain/workflow.ts) ───────────────
  "action.teruskan": "Forward (disposition)",
  "action.setujui": "Approve and forward",
  "action.kembalikan": "Return for correction",
  "action.tolak": "Reject",
  "action.tahan": "Hold",
  "action.lanjutkan": "Resume",
  "action.ambil_alih": "Take over",
  "action.buat_akun": "Create account",
  "workflow.unknown_action": "Unknown action \u201c{action}\u201d.",
  "workflow.closed.ditolak": "This request has been rejected and can no longer be changed.",
  "workflow.closed.selesai": "This request is completed and can no longer be changed.",
  "workflow.officials_only": "Only an official can take the action \u201c{action}\u201d.",
  "workflow.system_only": "The action \u201c{action}\u201d is taken automatically by the system.",
  "workflow.unknown_stage":
    "The stage \u201c{stage}\u201d no longer exists in the settings. An administrator needs to check the disposition chain.",
  "workflow.already_at_stage": "This request is already at the stage {stage}.",
  "workflow.awaiting_correction": "This request is waiting for the applicant's correction.",
  "workflow.no_stage": "This request is not at any stage at the moment.",
  "workflow.wrong_stage":
    "This request is at the stage {stage}, and you are an official of the stage {own}. Wait until the request reaches your stage.",
  "workflow.not_authorized": "{actor} is not authorised to act on this request.",
  "workflow.not_authorized_unknown": "This user is not authorised to act on this request.",
  "workflow.delegates_only":
    "Only an acting official (Plh./Plt.) or an administrator can take the action \u201c{action}\u201d.",
  "workflow.status_not_allowed":
    "The action \u201c{action}\u201d cannot be taken on a request with the status \u201c{status}\u201d.",
  "workflow.not_at_stage":
    "The action \u201c{action}\u201d is not available at the stage {stage}. Available choices: {offered}.",
  "workflow.nothing_offered": "none",
  "workflow.last_stage": "{stage} is the last stage: there is no next stage to forward to.",
  "workflow.last_stage_only": "The action \u201c{action}\u201d can only be taken at the last stage.",
  "workflow.reason_required": "The action \u201c{action}\u201d needs a reason in the note column.",
  "workflow.empty_chain":
    "The disposition chain in the settings is empty. An administrator needs to complete it.",

  // ── Configuration checks (domain/defaults.ts validateConfig) ─────────────
  "config.government_empty": "The name of the local government is missing.",
  "config.office_name_empty": "The name of the office is missing.",
  "config.city_empty": "The place where letters are signed (city) is missing.",
  "config.office_email": 'The office e-mail "{value}" is not a valid e-mail address.',
  "config.domain_empty": "The e-mail domain is missing.",
  "config.domain_invalid": 'The domain "{value}" is not valid.',
  "config.domain_not_gov": 'The domain "{value}" is not a government domain (.go.id).',
  "config.language": 'Unknown language "{value}"; choose "id" or "en".',
  "config.time_zone":
    'Unknown time zone "{value}"; choose Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura.',
  "config.stages_empty": "The disposition chain is empty: add at least one stage.",
  "config.stage.nth": "no. {n}",
  "config.stage.key_empty": "The stage {stage} has no key.",
  "config.stage.key_invalid":
    'The stage key "{key}" may only contain lower-case letters, digits and underscores, and must start with a letter.',
  "config.stage.key_duplicate": 'The stage key "{key}" is used more than once.',
  "config.stage.label_empty": 'The stage "{key}" has no name.',
  "config.stage.officials_empty": "The stage {stage} has no officials.",
  "config.stage.official_email": 'Official of the stage {stage}: "{value}" is not a valid e-mail address.',
  "config.stage.delegate_email":
    'Acting official of the stage {stage}: "{value}" is not a valid e-mail address.',
  "config.stage.target": "The target time of the stage {stage} must be more than 0 minutes.",
  "config.stage.actions_empty": "The stage {stage} has no actions.",
  "config.stage.action_unknown": 'Unknown action "{action}" at the stage {stage}.',
  "config.stage.last_creates":
    'The last stage ({stage}) must be able to create the account (action "buat_akun").',
  "config.stage.last_forwards": "The last stage ({stage}) cannot forward: there is no stage after it.",
  "config.stage.create_not_last":
    'Accounts are created at the last stage only; remove "buat_akun" from the stage {stage}.',
  "config.stage.must_forward": 'The stage {stage} must be able to forward ("teruskan" or "setujui").',
  "config.stage.hold_no_resume": 'The stage {stage} can hold a request but cannot resume it ("lanjutkan").',
  "config.stage.no_return": "The stage {stage} can neither return nor reject a request.",
  "config.admins_empty": "There is no administrator: nobody can take over a request.",
  "config.admin_email": 'Administrator "{value}" is not a valid e-mail address.',
  "config.opd.code_empty": 'The agency (OPD) "{name}" has no code.',
  "config.opd.code_duplicate": 'The agency (OPD) code "{code}" is used more than once.',
  "config.opd.name_empty": 'The agency (OPD) "{code}" has no name.',
  "config.opd.org_unit":
    'The organisational unit of the agency (OPD) {code} must start with "/" (e.g. "{example}").',
  "config.opd.group": 'The group of the agency (OPD) {code}, "{value}", is not a valid e-mail address.',
  "config.opd.cc": 'The copy address of the agency (OPD) {code}, "{value}", is not a valid e-mail address.',
  "config.opds_empty": "The list of agencies (OPD) is empty.",
  "config.naming.pattern": 'Unknown username pattern "{value}".',
  "config.naming.collision": 'Unknown rule for identical names "{value}".',
  "config.naming.reserved": 'The reserved name "{value}" is not valid: {detail}',
  "config.letter.classification": "The letter's archive classification code is missing.",
  "config.letter.unit_code": "The unit code of the letter number is missing.",
  "config.letter.padding": "The length of the letter serial must be a whole number from 0 to 8.",
  "config.letter.signer_name": "The name of the letter's signatory is missing.",
  "config.letter.signer_title": "The position of the letter's signatory is missing.",
  "config.hours.invalid": "The working hours of {day} are not valid.",
  "config.hours.reversed":
    "The working hours of {day} are reversed: the end {end} is not after the start {start}.",
  "config.hours.none": "There are no working days: fill in the working hours of at least one day.",
  "config.holiday.date": 'The holiday date "{value}" is not valid (use the format yyyy-mm-dd).',
  "config.holiday.kind":
    'The holiday kind "{value}" must be "libur" (public holiday) or "cuti" (collective leave).',
  "config.holiday.twice": "The holiday {date} ({name}) is listed twice.",
  "config.service_minutes": "The service time standard must be more than 0 minutes.",
  "config.targets_exceed":
    "The targets of all stages together ({total} minutes) exceed the service time standard ({service} minutes).",
  "config.reminder": "The reminder must be between 1 and 100 percent of the target time.",
  "config.retention": "The retention period of personal data must be a whole number of days greater than 0.",
  "config.unused_credential":
    "The number of days a temporary password stays valid must be a whole number greater than 0.",
  "config.complaints": "The complaints channel is missing (the service standard must publish it).",
  "day.1": "Monday",
  "day.2": "Tuesday",
  "day.3": "Wednesday",
  "day.4": "Thursday",
  "day.5": "Friday",
  "day.6": "Saturday",
  "day.7": "Sunday",

  // ── Letter number pattern (domain/letters.ts) ────────────────────────────
  "letter.pattern.empty": "The letter number pattern is empty.",
  "letter.pattern.unknown":
    "The letter number pattern uses unknown placeholders: {unknown}. Known ones: {known}.",
  "letter.pattern.serial": "The letter number pattern must contain {placeholder}.",
  "letter.pattern.braces": "The letter number pattern contains unmatched curly braces.",

  // ── The settings sheets (domain/settings.ts); the keys stay Indonesian identifiers ──
  "settings.header.key": "Key",
  "settings.header.value": "Value",
  "settings.header.help": "Description",
  "settings.header.order": "Order",
  "settings.header.stage_key": "Key",
  "settings.header.stage_name": "Stage name",
  "settings.header.role": "Role",
  "settings.header.officials": "Officials (e-mail)",
  "settings.header.delegates": "Delegates (e-mail)",
  "settings.header.actions": "Actions",
  "settings.header.target": "Target (minutes)",
  "settings.header.opd_code": "Code",
  "settings.header.opd_name": "Name",
  "settings.header.org_unit": "Organisational unit",
  "settings.header.group": "Group",
  "settings.header.cc": "Letter copy to",
  "settings.header.date": "Date",
  "settings.header.holiday_name": "Name",
  "settings.header.holiday_kind": "Kind (libur/cuti)",
  "settings.unknown_key": 'Unknown key "{key}"; this row is ignored.',
  "settings.row": "row {row}",
  "settings.number": '"{value}" is not a valid number (the smallest allowed is {min}).',
  "settings.language": 'Unknown language "{value}": enter "id" or "en".',
  "settings.time_zone": 'Unknown time zone "{value}".',
  "settings.naming.collision": 'Unknown rule for identical names "{value}".',
  "settings.signer_nip":
    'The signatory\'s NIP "{value}" must be 18 digits. If it shows as 1.97E+17, format the cell as plain text (Format \u2192 Number \u2192 Plain text) and type it again.',
  "settings.hours.unreadable": 'The working hours "{value}" cannot be read. A correct example: "{example}".',
  "settings.hours.order": 'Working hours "{value}": the start must be before the end.',
  "settings.hours.empty": "The working hours are empty: fill in at least one working day.",
  "settings.stage.action": 'Unknown action "{action}". Choices: {choices}.',
  "settings.stage.email": '"{value}" is not a valid e-mail address.',
  "settings.stage.target": 'The target time "{value}" must be a number of minutes greater than 0.',
  "settings.stages_empty": "The disposition chain is empty: fill in at least one stage.",
  "settings.holiday.date": 'The date "{value}" cannot be read: write it as 2026-12-25.',
  "settings.help.nama_pemerintah": "Name of the local government in the letterhead",
  "settings.help.nama_dinas": "Name of the office in the letterhead",
  "settings.help.singkatan_dinas": "Short name of the office",
  "settings.help.alamat": "Office address",
  "settings.help.telepon": "Office telephone",
  "settings.help.surel_dinas": "The office's e-mail address",
  "settings.help.situs": "The office's website",
  "settings.help.kota": "Place where letters are signed",
  "settings.help.domain": "Domain of new accounts, e.g. contohkota.go.id",
  "settings.help.bahasa": "Language of messages: id or en",
  "settings.help.zona_waktu": "Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura",
  "settings.help.admin": "Administrators' e-mail addresses, separated by commas",
  "settings.help.pola_nama_pengguna": "first.last, firstlast, first_last or f.last",
  "settings.help.nama_sama": "initial-then-number (initial, then a number) or number (a number)",
  "settings.help.nama_dilarang": "Usernames that may not be used, separated by commas",
  "settings.help.pola_nomor_surat": "Letter number pattern: {example}",
  "settings.help.kode_klasifikasi": "Archive classification code, e.g. 500.12.6",
  "settings.help.kode_unit": "Unit code in the letter number",
  "settings.help.panjang_nomor": "The serial is padded with leading zeros to this length (0 = no padding)",
  "settings.help.sifat": "Letter classification (sifat)",
  "settings.help.lampiran": "Letter enclosures (lampiran)",
  "settings.help.hal": "Letter subject (hal)",
  "settings.help.penandatangan_nama": "Name of the signatory",
  "settings.help.penandatangan_jabatan": "Position of the signatory",
  "settings.help.penandatangan_pangkat": "Rank/grade of the signatory",
  "settings.help.penandatangan_nip": "NIP of the signatory (18 digits)",
  "settings.help.jam_kerja":
    "E.g. {example} (days in Indonesian: Sen Sel Rab Kam Jum Sab Min = Monday to Sunday)",
  "settings.help.cuti_bersama_libur":
    "Ya (yes) if collective leave days (cuti bersama) count as days off, otherwise Tidak (no)",
  "settings.help.standar_waktu_menit":
    "Time standard of the whole service, in working minutes (1 working day = 510 minutes with the default working hours)",
  "settings.help.pengingat_persen": "A reminder is sent when this percentage of a stage's target has passed",
  "settings.help.retensi_hari": "Personal data of closed requests is erased after this many days",
  "settings.help.reset_kredensial_hari":
    "An initial password that was never used is reset after this many days",
  "settings.help.pengaduan": "Complaints channel shown in the receipt",

  // ── Usernames (domain/naming.ts checkUsername) ───────────────────────────
  "naming.empty": "The username is empty.",
  "naming.too_long": "A username has at most {max} characters.",
  "naming.uppercase": "A username must be in lower case.",
  "naming.bad_chars":
    "A username may only contain the letters a\u2013z, digits 0\u20139, dashes (-), underscores (_), apostrophes (') and dots (.).",
  "naming.double_dot": "A username may not contain two dots in a row.",
  "naming.edge_dot": "A username may not start or end with a dot.",
  "naming.reserved": 'The username "{name}" is reserved and cannot be used.',

  // ── Duplicate check (domain/duplicates.ts, workspace/duplicates.ts) ─────
  "duplicate.verdict.aman": "no duplicate",
  "duplicate.verdict.kemungkinan_duplikat": "possible duplicate",
  "duplicate.verdict.sudah_terdaftar": "already registered",
  "duplicate.proposed": "{verdict} \u2013 proposed address: {address}",
  "duplicate.kind.user": "a user account",
  "duplicate.kind.alias": "an alias",
  "duplicate.kind.group": "a group",
  "duplicate.address_in_directory": "The address {address} is already in use in the directory as {what}.",
  "duplicate.address_in_directory_owner":
    "The address {address} is already in use in the directory as {what} of {owner}.",
  "duplicate.nip_in_directory":
    "The applicant's NIP is already recorded on the account {address} in the directory.",
  "duplicate.identity_account":
    "The same applicant (same NIP/NIK) already received the account {address} through ticket {ticket}.",
  "duplicate.identity_account_no_address":
    "The same applicant (same NIP/NIK) already received an account through ticket {ticket}.",
  "duplicate.identity_open":
    "The same applicant (same NIP/NIK) still has an open request: ticket {ticket} ({status}).",
  "duplicate.address_account": "The address {address} was already created for ticket {ticket}.",
  "duplicate.address_open":
    "The address {address} is also requested by ticket {ticket}, which is still in progress.",
  "duplicate.same_name": "The same name ({name}) in the same agency (OPD) on ticket {ticket} ({status}).",
  "duplicate.wish_unusable":
    "The requested username \u201c{wish}\u201d cannot be used (it is taken or does not follow the rules).",
  "duplicate.no_free_address":
    "No free address follows the naming rules: the staff need to choose the address by hand.",
  "duplicate.directory_unavailable":
    "The directory could not be checked ({detail}); the check is repeated before the account is created.",

  // ── Log verification (domain/audit.ts) ───────────────────────────────────
  "audit.inserted": "Log entry #{seq} appears more than once or in the wrong place (inserted).",
  "audit.reordered": "The order of the log changed: entry #{seq} is on another row (position {position}).",
  "audit.missing": "Log entry {range} is missing (deleted).",
  "audit.bad_start": "Log entry #{seq} is not linked to the start of the chain.",
  "audit.edited_before": "Log entry #{seq} was changed (its hash does not match entry #{next}).",
  "audit.edited": "The content of log entry #{seq} was changed.",
  "audit.truncated":
    "The log ends at #{last}, but the last entry recorded is #{head}: entries at the end were deleted.",
  "audit.anchor_mismatch":
    "Log entry #{seq} is no longer the one checked before: the log was rewritten up to this entry.",
  "audit.head_mismatch": "Log entry #{seq} differs from the one last recorded.",

  // ── Sheets, register cells, menus (workspace/*, handlers/*) ──────────────
  "common.unknown": "(unknown)",
  "common.empty": "(empty)",
  "sheet.row": "row {row}",
  "sheet.missing": 'The sheet "{name}" does not exist: run the menu Surel \u2192 Setup / repair.',
  "sheet.settings_missing": "The settings sheets do not exist yet: run the menu Surel \u2192 Setup / repair.",
  "register.action_help": "Choose one of the actions available at this stage.",
  "register.late": "(late)",
  "common.system": "the system",
  "intake.correction_received": "correction received",
  "provision.alias_of": "alias of {owner}",
  "letter.serial_invalid": "Invalid letter serial: {serial}.",
  "provision.archive_pdf_name": "Archive copy {number}.pdf",
  "intake.log.problems": "{count} data notes",
  "calendar.no_working_days":
    "The working calendar has no working days: check the working hours and the list of holidays.",
  "provision.pdf_name": "Official E-mail Account Letter {number}.pdf",
  "menu.setup": "Setup / repair",
  "menu.verify": "Verify the log",
  "menu.sweep": "Run the sweep now",
  "menu.reissue": "Reissue account letter",
  "mail.sender": "{office} \u2013 Official E-mail Service",
  "directory.not_enabled":
    "The advanced service Admin SDK Directory (AdminDirectory) is not enabled for this script.",
  "directory.address_taken": "The address {address} is already in use in the directory.",
  "docs.not_enabled": "The advanced service Docs is not enabled for this script.",
  "drive.not_enabled": "The advanced service Drive is not enabled for this script.",

  // ── Setup report (handlers/setup.ts) ─────────────────────────────────────
  "setup.alert_title": "Surel \u2013 setup result",
  "setup.form_kept": "The form exists already and is used again: {url}",
  "setup.form_created": "The application form was created: {url}",
  "setup.upload_note":
    "Note: Google Forms does not let a script create file upload questions. If the office wants applicants to upload a scan of the request letter, add a \u201cFile upload\u201d question yourself in the form editor (applicants then have to sign in with a Google account); the letter's number and date are asked either way.",
  "setup.protect.register":
    "Columns owned by the Surel program: officials fill in only Action, Action note and E-mail address.",
  "setup.protect.log": "Disposition log: only the Surel program writes here.",
  "setup.protect.index": "Response index: only the Surel program writes here.",
  "setup.protect.queue": "Mail queue: only the Surel program writes here.",
  "setup.protect.errors": "Error log: only the Surel program writes here.",
  "setup.protect.settings": "Surel settings: administrators only.",
  "setup.sheets_created": "Sheets created: {sheets}.",
  "setup.sheets_exist": "All sheets exist already.",
  "setup.triggers":
    "Triggers: {created} created, {kept} already there, {deleted} duplicate/obsolete deleted.",
  "setup.settings_ok": "The settings are complete and valid.",
  "setup.level.error": "Error",
  "setup.level.warning": "Warning",
  "setup.problem": "{level} in the sheet {sheet} ({key}): {message}",
  "setup.problem_row": "{level} in the sheet {sheet}, row {row} ({key}): {message}",
  "setup.unknown_user": "Warning: the account running the setup is not known.",

  // ── Edits of the register and the settings (handlers/edit.ts) ────────────
  "settings.problem_at": "{sheet} ({key}): {message}",
  "settings.problem_at_row": "{sheet}, row {row} ({key}): {message}",
  "settings.edit.more": "(and {count} more problems)",
  "settings.edit.title": "Surel: problems in the settings",
  "settings.edit.logged": "Problems in the settings after an edit: {problems}",
  "edit.queued_note":
    "Create account recorded ({time}, {actor}): the account is being created. The request is in the account queue; the result shows in this row (Status, Provisioning, Letter number) within a few minutes, and the account letter goes to the applicant.",
  "edit.undone_note": "Change undone by the system: {reason}",
  "edit.undone_title": "Surel: change undone",
  "edit.not_a_request": "This row is not a request.",
  "edit.log.action": "action \u201c{value}\u201d",
  "edit.log.address": "address \u201c{value}\u201d",
  "edit.log.column": "edit of {cell}",
  "edit.log.paste": "paste {range}",
  "edit.address.who":
    "The e-mail address can only be changed by the staff of the stage {stage} while the request is at that stage, or by an administrator.",
  "edit.address.technical": "technical",
  "edit.address.closed":
    "The account has been created or the request is closed: the address can no longer be changed.",
  "edit.address.domain": "The address must be in the domain @{domain}.",
  "edit.address.taken": "The address {address} is taken or reserved.",
  "edit.address.changed": "The address was changed to {address}.",
  "edit.address.changed_note":
    "The address was changed to {address} by {actor}; the duplicate check was run again.",
  "edit.program_column":
    "This column is filled in by the Surel program and may not be edited directly. Use the Action column.",
  "edit.paste":
    "Pasting or changing many cells at once in the register is not allowed: change one Action cell per request.",
  "edit.paste_logged":
    "The paste {range} by {actor} touched columns owned by the program. Action, note and e-mail address were restored; status and stage are restored by the sweep from the log; overwritten personal data cannot be restored automatically, and no account or letter is made for those rows until their data is put back as it was (Version history).",
  "intake.correction_unsent":
    "The correction from response row {row} is recorded, but its notifications may not have been sent.",

  // ── The sweep and the log check (flows/reconcile.ts, verify.ts) ──────────
  "sweep.where": "Sweep: row {row} (ticket {ticket})",
  "sweep.complaint_restored":
    "Sweep: row {row} of the Pengaduan sheet ({number}) records log entry #{seq}, but its last entry is #{last}; the row was updated from the log (status {status}).",
  "sweep.no_history":
    "{where} refers to log entry #{seq}, but this ticket has no history in the disposition log; its status \u201c{shown}\u201d cannot be confirmed. The row is left as it is: check with the menu Verify the log.",
  "sweep.history_lost":
    "{where} refers to log entry #{seq}, but this ticket's last entry in the log is #{last}: history may be lost. The row is left as it is: check with the menu Verify the log.",
  "sweep.seq_fixed":
    "{where} records log entry #{seq}, but its last entry is #{last}; the log number was corrected.",
  "sweep.row_restored":
    "{where} shows \u201c{shown}\u201d, but the log records \u201c{expected}\u201d (entry #{last}); the row was restored from the log.",
  "sweep.more_flags":
    "Sweep: {count} more rows do not match the disposition log either (tickets {tickets}\u2026).",
  "verify.title": "Surel: log check",
  "verify.empty": "The disposition log is still empty; there is nothing to check.",
  "verify.ok":
    "The disposition log is intact: {count} entries checked, the hash chain matches up to entry #{seq}.",
  "verify.ok_since":
    "The disposition log is intact: {count} new entries checked (up to #{seq}); the earlier ones were checked before and entry #{from} is still the same.",
  "verify.partial":
    "The disposition log is intact up to entry #{seq} of {total}; the execution's time ran out. Ask for the check again to continue from entry #{seq}.",
  "verify.full_ok":
    "The full re-check of the log is done: the disposition log is intact from entry #1 to #{seq}.",
  "verify.full_partial":
    "The full re-check of the log is under way: intact up to entry #{seq} of {total}. The next sweep (or the same request) continues it.",
  "verify.broken":
    "The disposition log is NOT intact. {reason} Check the sheet \u201c{sheet}\u201d from row {row}; the entries before #{seq} can still be trusted.",
  "verify.broken_ticket":
    "The disposition log is NOT intact. {reason} Check the sheet \u201c{sheet}\u201d from row {row} (ticket {ticket}); the entries before #{seq} can still be trusted.",

  // ── The credential letter's resources (workspace/letter.ts) ──────────────
  "letter.name.template": "Template \u2013 Official E-mail Account Notification Letter",
  "letter.name.archive": "Archive \u2013 Official E-mail Account Notification Letters (restricted)",
  "letter.name.work": "Surel Dinas \u2013 temporary working files (deleted automatically)",
  "letter.description.template":
    "Template of the account notification letter. Administrators may edit it; the program fills in the placeholders {example} (see docs/LETTER.md). Never write a password here.",
  "letter.description.archive":
    "Archive of the account notification letters (passwords masked). Restricted access: the script's owner and the administrators (read only).",
  "letter.description.work":
    "Working copies of letters (they hold a password for a few seconds); deleted for good by the program.",
  "letter.template.unknown": "unknown placeholders: {placeholders} (list of placeholders: docs/LETTER.md)",
  "letter.template.braces": "unmatched curly braces: {text}",
  "letter.template.missing": "the template does not contain {placeholder}",
  "letter.template.unfilled": "placeholders left unfilled: {placeholders}. Known placeholders: {known}.",
  "letter.template.no_password":
    "the template does not contain {placeholder}: a letter without the password is not sent",
  "letter.not_set_up": "{what} is not set up yet: run the menu Surel \u2192 Setup / repair.",
  "letter.what.template": "The letter template",
  "letter.what.archive": "The letter archive folder",
  "letter.what.work": "The letter work folder",
  "letter.template.foreign":
    "The recorded letter template ({id}) was not created by Surel, so Surel cannot copy it into letters: Surel's Drive permission reaches only the files it created itself (drive.file). The template is neither used nor replaced. What to do: the service account deletes the script property {key} in the project settings, runs setup again (Surel creates its own template), then copies the office template's text and letterhead into that new template; the {example} placeholders are in docs/LETTER.md. Until then no credential letter can be made.",
  "letter.work_copy_left": "The working copy {id} of a letter is not deleted yet: {detail}",

  // ── Provisioning details (flows/provision/) ─────────────────────────────
  "provision.detail.no_address": "no address",
  "provision.detail.domain": "the domain must be @{domain}",
  "provision.detail.no_name": "the applicant's name is empty",
  "provision.recheck": "{verdict} \u2013 checked again before the account was created: {address}",
  "provision.maybe_sent": "the letter may have been sent: {detail}",
  "provision.failed_action": "account creation failed",
  "provision.cleanup_failed": "working copies of letters: {detail}",
  "provision.log.finished": "letter {number}",
  "provision.log.reissued": "letter {number} replaces {previous}; new password",
  "provision.log.expired":
    "the temporary password was not used within {days} days: replaced by a random password nobody knows",
  "provision.log.expired_gone": "the account was not found in the directory",
  "provision.expired.gone": "the account no longer exists in the directory",
  "provision.log.reissue_requested": "provisioning state before: {label}",
  "provision.reissue.title": "Surel \u2013 reissue an account letter",
  "provision.reissue.prompt":
    "Ticket number of the request (e.g. SRL-2611-0007). The next sweep sends a new letter with a new password.",
  "provision.reissue.not_admin": "only an administrator can reissue an account letter.",
  "provision.reissue.no_ticket": "the ticket is not in the register.",
  "provision.reissue.not_created": "the account has not been created (status {status}).",
  "provision.reissue.erased":
    "the personal data of this request has been erased at the end of its retention period; the applicant needs to submit a new request.",
  "provision.reissue.not_recorded": "the account is not recorded as created.",
  "provision.reissue.pending": "a reissue has been requested already and waits for the sweep.",
  "provision.reissue.busy": "the letter is being processed; try again in a few minutes.",

  // ── Dates and durations ──────────────────────────────────────────────────
  "month.1": "January",
  "month.2": "February",
  "month.3": "March",
  "month.4": "April",
  "month.5": "May",
  "month.6": "June",
  "month.7": "July",
  "month.8": "August",
  "month.9": "September",
  "month.10": "October",
  "month.11": "November",
  "month.12": "December",
  "datetime.at": "{date} at {time} {zone}",
  "duration.days": "{count} working day(s)",
  "duration.hours": "{hours} working hour(s)",
  "duration.hours_minutes": "{hours} working hour(s) {minutes} minute(s)",
  "duration.minutes": "{minutes} working minute(s)",

  // ── Service standard (Permenpan RB 15/2014) ──────────────────────────────
  "standard.heading": "Service standard",
  "standard.requirements":
    "Requirements: the online request form filled in completely and correctly; a request letter from the head of the agency (letter number and date); NIP or NI PPPK for ASN staff.",
  "standard.procedure":
    "Procedure: the request is checked and passed down the chain ({chain}), then the account is created.",
  "standard.time": "Service time: {duration} from receipt of a complete request.",
  "standard.cost": "Cost: free of charge.",
  "standard.product": "Product: an official @{domain} e-mail account and the account notification letter.",
  "standard.complaints": "Complaints: {complaints}",

  // ── Receipt mail ─────────────────────────────────────────────────────────
  "mail.receipt.subject": "Receipt of your official e-mail account request \u2013 {ticket}",
  "mail.greeting": "Dear {name},",
  "mail.receipt.intro":
    "We received your official e-mail account request on {when} under ticket number {ticket}. Please quote this ticket number in any enquiry about your request.",
  "mail.receipt.summary": "Summary of your request:",
  "mail.receipt.next_heading": "What happens next",
  "mail.receipt.next":
    "Your request is checked and passed down the chain ({chain}). Once it is approved, the account is created and the account letter with the user name and initial password is sent to this address.",
  "mail.receipt.problems_heading": "Data to correct",
  "mail.receipt.problems":
    "Your request is recorded but can only be processed once the following is corrected. Submit the form again with the correct data and enter the ticket number {ticket} in the field \u201cPrevious ticket number\u201d and the secret code from this e-mail in the field \u201cStatus code from the receipt\u201d.",
  "mail.receipt.warnings_heading": "Notes (these do not hold up your request)",
  "mail.brand": "Official E-mail Account Service",
  "mail.footer":
    "This message was sent automatically by the official e-mail account service of {office}, {government}. Enquiries: {contact}.",

  // ── "Perlu perbaikan" mail ───────────────────────────────────────────────
  "mail.correction.subject": "Your official e-mail request {ticket} needs correction",
  "mail.correction.intro":
    "Your official e-mail account request with ticket number {ticket} cannot be processed yet because the following needs correction:",
  "mail.correction.note": "Note from the officer: {note}",
  "mail.correction.how":
    "Please submit the request form again with the corrected data and enter the ticket number {ticket} in the field \u201cPrevious ticket number\u201d and the secret code from that request's receipt e-mail in the field \u201cStatus code from the receipt\u201d.",
  "mail.correction.link": "Request form: {url}",

  // ── Notices to officials ─────────────────────────────────────────────────
  "notice.stage.subject": "[{ticket}] An e-mail account request awaits your action – {stage}",
  "notice.stage.intro":
    "E-mail account request {ticket} for {name} ({opd}) is now at the stage {stage} and awaits your action.",
  "notice.stage.previous": "Previous action: {action} by {actor}.",
  "notice.stage.reason": "Note: {note}",
  "notice.stage.due": "This step is due by {due} (target {minutes} working minutes).",
  "notice.stage.duplicate": "Duplicate check: {verdict}.",
  "notice.stage.how":
    "Open the register, choose an action in the column “Action” of this request's row, and write the reason in the column “Action note” where needed.",
  "notice.stage.link": "Open the request's row in the register",
  "notice.admin.subject": "[{ticket}] Needs an administrator's attention",
  "notice.admin.intro": "Request {ticket} for {name} needs attention: {note}",
  "notice.applicant.rejected.subject": "E-mail account request {ticket} rejected",
  "notice.applicant.rejected.intro":
    "We regret to inform you that your request for an official e-mail account, ticket {ticket}, cannot be approved.",
  "notice.applicant.reason": "Reason: {reason}",
  "notice.applicant.rejected.next":
    "If you disagree or some data was wrong, you may submit a new request or file a complaint through the channel below.",
  "notice.applicant.held.subject": "E-mail account request {ticket} put on hold",
  "notice.applicant.held.intro":
    "Your request for an official e-mail account, ticket {ticket}, has been put on hold.",
  "notice.applicant.resumed.subject": "E-mail account request {ticket} resumed",
  "notice.applicant.resumed.intro":
    "Your request for an official e-mail account, ticket {ticket}, is being processed again.",
  "notice.applicant.corrected.subject": "Correction of e-mail account request {ticket} received",
  "notice.applicant.corrected.intro":
    "We have received the corrected data for your request, ticket {ticket}. The request is processed again from the start; its history is kept.",
  "notice.applicant.unknown_ticket":
    "The previous ticket number “{ticket}” was not found or is not awaiting correction; this submission is recorded as a new request.",
  // ── Provisioning: the account, the credential letter (flows/provision/) ──
  "provision.mail.subject": "Your official e-mail account has been created \u2013 {ticket}",
  "provision.mail.intro":
    "Your official e-mail account for the request with ticket {ticket} has been created with the address {address}.",
  "provision.mail.letter":
    "The account notification letter number {number} is attached as a PDF file. It contains your username and temporary password; the password is not written in the body of this e-mail.",
  "provision.mail.steps_heading": "First sign-in",
  "provision.mail.step1": "Open {url} and sign in with the address {address}.",
  "provision.mail.step2":
    "Enter the temporary password from the attached letter, then replace it with a new strong password (at least 12 characters).",
  "provision.mail.step3": "Sign in by {deadline}; after that the temporary password is no longer valid.",
  "provision.mail.step4": "Turn on 2-step verification after signing in.",
  "provision.mail.care":
    "Do not forward this e-mail or its letter to anyone, our staff included. Delete this e-mail once you have changed your password.",
  "provision.opd.subject": "Copy: official e-mail account {address} created \u2013 {ticket}",
  "provision.opd.intro":
    "For your information, the official e-mail account {address} for {name} (NIP {nip}, {opd}) has been created and the notification letter number {number} has been sent to its holder.",
  "provision.opd.copy":
    "The archive copy of the letter is attached. It does not contain the temporary password, which is sent to the account holder only.",
  "provision.expired.subject":
    "The temporary password of the official e-mail account {address} is no longer valid",
  "provision.expired.intro":
    "The official e-mail account {address} (ticket {ticket}) has never been signed in to since the notification letter number {number} was sent. For security, the temporary password in that letter is no longer valid.",
  "provision.expired.next":
    "To get a new password, request a password reset on the Official E-mail Account Services form (the new password goes only to the personal e-mail on record for this account), or contact {contact} and quote the ticket number {ticket}.",
  "provision.fail.not_authorized":
    "The account {user} that installed the Surel triggers may not manage users in Google Workspace, so the account could not be created. The triggers must be installed by a super admin or an admin allowed to manage users: that account runs the menu Surel \u2192 Setup / repair, then staff choose \u201cCreate account\u201d again. (Google says: {detail})",
  "provision.fail.address_taken":
    "The address {address} is already used in the directory ({owner}). Change the column E-mail address, then choose \u201cCreate account\u201d again.",
  "provision.fail.duplicate": "The check repeated before creating the account found: {detail}",
  "provision.fail.no_address":
    "The e-mail address is not set or not valid ({detail}). Fill in the column E-mail address, then choose \u201cCreate account\u201d again.",
  "provision.fail.no_personal_email":
    "The applicant's personal e-mail is empty or invalid: the notification letter cannot be sent. The request needs to be returned for correction.",
  "provision.fail.invalid":
    "Google refused the account data: {detail}. Check the OPD settings (organisational unit) and the applicant's data, then choose \u201cCreate account\u201d again.",
  "provision.fail.template": "The notification letter template has a problem: {detail}",
  "provision.fail.gave_up":
    "Creating the account or sending the letter for the address {address} failed {count} times in a row; the sweep stopped trying. Last error: {detail}",
  "provision.warn.failure":
    "Creating the account or sending the letter for the address {address} is delayed by an error; the sweep will try again. Error: {detail}",
  "provision.warn.group": "The account {address} could not be added to the group {group} yet: {detail}",
  "provision.warn.uncertain":
    "An execution was cut off while the notification letter for {address} was being sent, and it cannot be told whether the letter went out. Ask the applicant; if the letter did not arrive, use the menu Surel \u2192 Reissue account letter with its ticket number.",
  "provision.setup.template_created":
    "Account notification letter template created (administrators may edit it): {url}",
  "provision.setup.template_kept": "The account notification letter template exists and is kept: {url}",
  "provision.setup.template_problem": "Letter template warning: {detail}",
  "provision.setup.archive_created": "Letter archive folder (restricted access) created: {url}",
  "provision.setup.archive_kept": "The letter archive folder (restricted access) exists: {url}",
  "provision.reissue.done":
    "The reissue of the account letter for ticket {ticket} is recorded: the next sweep sends a new letter with a new password (within 10 minutes).",
  "provision.reissue.refused": "The account letter for ticket {ticket} cannot be reissued: {reason}",
  "provision.reissue.pick": "Enter the ticket number of the request, e.g. SRL-2611-0007.",
  // ── Retention of personal data (UU PDP) ────────────────────────────────────
  "retention.marker": "[erased {date}]",
  "retention.complaint_log_note":
    "The complainant's personal data was erased {days} days after the complaint was closed: {fields}.",
  "retention.batch_log_note":
    "The personal data of bulk request list {batch} was erased after the retention period of {days} days since its requests were closed: {rows} person row(s) and the agency contact; tickets, row numbers, problems (without personal data) and the request letter stay.",
  "retention.log_note":
    "Personal data erased after the retention period of {days} days since the request was closed: {fields}; {rows} form response row(s).",
  "retention.response_unlocated":
    "The personal data of ticket {ticket} was erased from the register, but {count} of its form responses could not be found by their identity (the row was deleted, changed, or recorded without an identity): those were not touched (a row now in their place may be someone else's). Check the Form Responses sheet and erase this request's personal data by hand if it is still there.",

  // ── Trust boundary and admin requests (flows/admin.ts, setup) ────────────
  "trust.no_register":
    "There is no register yet: run setup once from the script editor as the service account.",
  "trust.sweep_other_account":
    "The sweep did not run: its trigger runs as {me}, but the recorded service account is {installer}. Delete that account's trigger; only the service account installs triggers.",
  "trust.worker_other_account":
    "Account creation from the queue did not run: its trigger runs as {me}, but the recorded service account is {installer}. Delete that account's trigger; only the service account installs triggers.",
  "trust.unknown_account":
    "Setup stopped before changing anything: Google does not say which account runs it. Run setup from the script editor as the office's service account.",
  "trust.bound":
    "Setup stopped before changing anything: this script project is bound to the file {id}. Every editor of that file can change code that runs with admin rights, so Surel must run as a standalone project owned by the service account. Create one with `npm run deploy` and run setup there.",
  "trust.other_installer":
    "Setup stopped before changing anything: it was run by {me}, but the service account recorded as Surel's installer is {installer}. Only that account may run setup; other administrators ask for \u201cRe-run setup checks\u201d on the Admin requests sheet.",
  "trust.register_missing":
    "Setup stopped before changing anything: the recorded register ({id}) cannot be opened by the service account.",
  "trust.register_owner":
    "Setup stopped before changing anything: the register is owned by {owner}, not by the service account {me}. The register's owner can lift protections and change the log; transfer its ownership to the service account.",
  "trust.file.register": "the register",
  "trust.file.responses": "the form's response sheet",
  "trust.register_not_ours":
    "Setup stopped before changing anything: the register ({id}) was not created by Surel, so its sharing cannot be checked: Surel's Drive permission reaches only the files it created itself (drive.file). What to do: the service account deletes the script property {key} in the project settings and runs setup again; setup creates a new register. Copy the Pengaturan, Tahapan, OPD and Hari Libur sheets into that new register, then run setup once more.",
  "trust.responses_not_ours":
    "Setup stopped before changing anything: the form sends its responses to another spreadsheet ({id}) that Surel did not create, so its sharing cannot be checked (drive.file permission). Point the response destination back to the register (in the form: Responses \u2192 Select response destination \u2192 Select existing spreadsheet \u2192 the register), then run setup again.",
  "trust.sharing_unknown":
    "Setup stopped before changing anything: the sharing of {what} cannot be checked (the Drive advanced service is off or has no access).",
  "trust.link_shared":
    "Setup stopped before changing anything: {what} is shared by link with {who} (role {role}). Link editors are not identified and are reported to appear as the owner in edit events. Set general access to \u201cRestricted\u201d and share with the named officials only.",
  "trust.link.anyone": "anyone with the link",
  "trust.link.domain": "everyone in the domain with the link",
  "trust.sample_value": "Still a sample value: {field} = {value}",
  "trust.group_missing": "Group not in the directory: {group} (OPD sheet)",
  "trust.rights_unknown":
    "Error: the service account's admin rights cannot be read. Check by hand that its role grants: {rights}.",
  "trust.rights_super_admin":
    "Warning: {me} is a super admin. Surel needs only a delegated admin role (see README); super admin rights are more than it needs.",
  "trust.right_missing": "Error: the admin role of {me} does not grant \u201c{right}\u201d.",
  "trust.rights_ok": "The admin rights of {me} are enough for Surel.",
  "trust.rights_org_units":
    "The admin role is limited to org units: make sure every org unit of the OPD sheet is inside them.",
  "trust.register_name": "Official E-mail Register",
  "trust.register_at": "Register: {url}",
  "trust.sample_refused":
    "Setup stopped before sharing anything: {count} settings still hold sample values or are missing from the directory. Replace them with the office's own data, then run setup again.",
  "trust.installer": "Triggers are installed and run by the service account {me}.",
  "trust.outside_domain":
    "Warning: {who} is outside the service account's domain. Google hides that address in every edit, so every action of theirs would be refused; use an office address.",
  "trust.right.users_retrieve": "Users: read",
  "trust.right.users_create": "Users: create",
  "trust.right.users_update": "Users: update",
  "trust.right.groups_retrieve": "Groups: read",
  "trust.right.org_units_retrieve": "Organizational units: read",
  "trust.right.groups_update": "Groups: update members",
  "admin.op.setup": "Re-run setup checks",
  "admin.op.sweep": "Run the sweep now",
  "admin.op.verify": "Verify the log",
  "admin.op.verify_full": "Verify the whole log again",
  "admin.op.reissue": "Reissue the account letter",
  "admin.op.address": "Change the delivery address",
  "admin.op.resend": "Resend waiting mail",
  "admin.op.retry": "Retry a failed step",
  "admin.refuse.hidden":
    "Google does not give the editor's address (an account outside the office domain), so the request cannot be checked.",
  "admin.refuse.owner":
    "This edit is recorded under the service account itself, which never edits by hand: it was probably made through a sharing link.",
  "admin.refuse.not_admin": "{who} is not an administrator listed in the Settings sheet (admin).",
  "admin.refuse.unknown": "\u201c{label}\u201d is not a known request.",
  "admin.refuse.ticket": "Fill in the Ticket column first, then choose the request.",
  "admin.refuse.value": "Fill in the new address in the New value column first, then choose the request.",
  "admin.refuse.reason": "Fill in the Reason column first, then choose the request.",
  "admin.refuse.evidence":
    "Fill in the Evidence column (e.g. a letter number or complaint ticket) first, then choose the request.",
  "admin.refuse.paste": "One request is chosen in one row; a paste over several cells is not run.",
  "admin.log.request":
    "Admin request: {op}; ticket {ticket}; value {value}; reason: {reason}; evidence: {evidence}",
  "admin.log.result": "Result of admin request {op} (log #{seq}): {result}",
  "admin.log.refused": "Admin request refused ({op}; ticket {ticket}): {reason}",
  "admin.result.error": "Error while running: {detail}",
  "admin.result.failed": "Not successful: {result}",
  "admin.result.refused": "Refused: {reason}",
  "admin.hidden_user": "(address hidden)",
  "admin.refused_note":
    "The request \u201c{op}\u201d by {who} was undone and not run: {reason} Only administrators listed in the Settings sheet can ask for admin operations. Recorded in the disposition log as no. {seq}.",
  "admin.refused_title": "Surel: admin request refused",
  "admin.result.sweep":
    "Sweep done: {recovered} responses recovered, {mails} mails sent, {repaired} rows repaired, {flagged} flagged.",
  "admin.result.resent": "{count} waiting mail(s) for ticket {ticket} sent.",
  "admin.result.nothing_to_resend":
    "No waiting mail was sent for ticket {ticket} ({failed} failed again). An account letter is sent again with \u201cReissue the account letter\u201d.",
  "admin.address.no_ticket": "Ticket {ticket} is not in the register.",
  "admin.address.erased":
    "The personal data of ticket {ticket} was erased at the end of its retention period.",
  "admin.address.same": "The new address is the current delivery address of ticket {ticket}.",
  "admin.address.log":
    "Delivery and recovery address changed from {before} to {after}. Reason: {reason}. Evidence: {evidence}.",
  "admin.address.recovery_updated":
    "The recovery address of the account {account} in the directory was updated.",
  "admin.address.recovery_failed":
    "The recovery address of the account {account} in the directory was not updated yet: {detail}",
  "admin.address.done":
    "The delivery address of ticket {ticket} changed from {before} to {after}; letters issued from now on go to the new address only.",
  "admin.retry.nothing":
    "There is no failed step to retry for ticket {ticket} (status {status}, provisioning {state}). An account that could not be created went back to the technical staff: choose \u201cCreate account\u201d again.",
  "admin.retry.done": "The step of ticket {ticket} was tried again: {result} (provisioning state: {state}).",
  "admin.protect.sheet": "Admin requests: administrators in the Settings sheet only.",
  "admin.protect.results": "Results of admin requests: only the Surel program writes.",
  "admin.help":
    "Fill in Ticket, New value, Reason and Evidence where needed, then choose the request. The program checks who asks and records it in the log.",
  // ── The time standard: reminders, escalation, daily digest (reminders.ts) ──
  "settings.header.escalate": "Escalates to",
  "settings.stage.escalate":
    'Escalation to "{value}" is not another stage\'s key; enter a stage key, "-" (nobody), or leave it empty (the stage before).',
  "settings.help.rekap_kepada":
    "Who gets the monthly recap besides the head of office (e-mail addresses, separated by commas)",
  "register.total": "{spent} of the standard {standard}",
  "register.total_late": "LATE by {over}: {spent} of the standard {standard}",
  "reminder.subject": "Official e-mail service reminder: {due} need action, {late} past target",
  "reminder.intro": "Dear Sir or Madam, these requests need your attention ({office}).",
  "reminder.due_heading": "Your action is needed: {percent}% of the stage's target is used",
  "reminder.late_heading": "Past the stage's target (you are the level above)",
  "reminder.item": "{ticket} · {stage} · {subject} · {elapsed} of the target {target}",
  "reminder.item_complaint": "Complaint {ticket} · {subject} · {elapsed} of the target {target}",
  "reminder.how": "Open the row in the register (links above) and choose an action in the Action column.",
  "reminder.how_complaint":
    "Complaints: open the row in the Pengaduan sheet (links above), write the answer in the Response column, then choose an action in the Action column.",
  "reminder.intro_with_complaints":
    "Dear Sir or Madam, these requests and complaints need your attention ({office}).",
  "reminder.log.pengingat": "Reminder to {to}: {elapsed} of the target {target}.",
  "reminder.log.eskalasi": "Escalation to {to}: {elapsed} of the target {target}.",
  "reminder.log.eskalasi_daily":
    "Past the target ({elapsed} of {target}); reported in the daily digest to {to}.",
  "reminder.log.eskalasi_none":
    "Past the target ({elapsed} of {target}); there is no level above this stage.",
  "daily.subject": "Official e-mail service daily digest: {count} requests past their target",
  "daily.intro":
    "Dear Sir or Madam, as of {date}, {count} requests are past their stage's target ({office}).",
  "daily.item": "{ticket} · {stage} · held by {holders} · {elapsed} of the target {target}",
  "daily.item_complaint":
    "Complaint {ticket} · {subject} · handlers {holders} · {elapsed} of the target {target}",
  "daily.intro_with_complaints":
    "Dear Sir or Madam, as of {date} {count} requests and complaints are past their target ({office}).",
  // ── Dashboard (dashboard.ts) ─────────────────────────────────────────────
  "dash.protect": "Dashboard: only the Surel program writes here; refreshed by every sweep.",
  "dash.title": "Official E-mail Service Dashboard",
  "dash.updated": "Updated {time}",
  "dash.by_status": "Requests by status",
  "dash.by_opd": "Requests by agency",
  "dash.col.status": "Status",
  "dash.col.opd": "Agency",
  "dash.col.this_month": "This month ({month})",
  "dash.col.last_month": "Last month ({month})",
  "dash.stages": "Time per stage (working minutes)",
  "dash.col.stage": "Stage",
  "dash.col.target": "Target",
  "dash.col.median": "Median",
  "dash.col.p90": "90th percentile",
  "dash.col.within": "Within standard (%)",
  "dash.col.count": "Count",
  "dash.total": "Whole service",
  "dash.backlog": "Open backlog by age (working minutes since received)",
  "dash.col.age": "Age",
  "dash.age.day1": "≤ 1 working day",
  "dash.age.day3": "1–3 working days",
  "dash.age.more": "> 3 working days",
  "dash.late_by_holder": "Past the stage's target, by holder",
  "dash.col.holder": "Holder",
  "dash.col.late": "Late",
  "dash.oldest": "Oldest open requests",
  "dash.col.ticket": "Ticket",
  "dash.col.stage_age": "At stage (minutes)",
  "dash.other_opd": "(other)",
  "dash.chart.status": "Requests by status",
  "dash.chart.stages": "Working minutes per stage: median, 90th percentile, target",
  // ── Monthly recap (recap.ts) ─────────────────────────────────────────────
  "recap.subject": "Monthly recap of the official e-mail service {month}",
  "recap.intro":
    "Dear Sir or Madam, here is the recap of the official e-mail account service for {month} ({office}).",
  "recap.numbers": "Figures for {month} (compared with {previous})",
  "recap.received": "Requests received: {now} ({before})",
  "recap.finished": "Finished: {now} ({before})",
  "recap.rejected": "Rejected: {now} ({before})",
  "recap.within": "Finished within the standard {standard}: {now} ({before})",
  "recap.stage":
    "{stage}: median {median}, 90th percentile {p90}, target {target}; {within} within target ({count} stages)",
  "recap.stages_heading": "Time per stage",
  "recap.late_heading": "Stages past their target and why",
  "recap.late_item": "{ticket}: stage {stage} ({holder}) {spent}, target {target}",
  "recap.no_late": "No stage passed its target.",
  "recap.attachment": "A chart from the Dashboard is attached; the full figures are in the Dashboard sheet.",
  "recap.none": "–",
  // ── Applicant status page, complaints (pengaduan), personal data notice ─────
  "setup.protect.status": "Public status: changed by the program only (the applicant status page).",
  "setup.protect.complaints": "Complaints: handlers fill in only the Action and Response columns.",
  "mail.receipt.status_heading": "Check your request's status",
  "mail.receipt.status_code":
    "You can see the status of your request yourself on the status page with ticket number {ticket} and secret code {code}. Keep this code; do not share it. You also need it if you have to correct your request. It is not the password of the e-mail account.",
  "mail.receipt.status_link": "Open the status page",
  "config.complaint_handlers": "No complaint handlers are set: complaints are sent to nobody.",
  "config.complaint_handler_email":
    "The complaint handler address \u201c{value}\u201d is not a valid e-mail address.",
  "config.complaint_target": "The complaint target must be a whole number of working minutes above 0.",
  "config.complaint_escalate":
    "Complaint escalation \u201c{value}\u201d is neither a stage key of Tahapan nor a valid e-mail address.",
  "settings.help.halaman_status": "Address of the status page (the web app's URL), printed on receipts",
  "settings.help.penangan_pengaduan":
    "E-mail addresses of the complaint handlers, comma-separated (head of office, head of e-Government, technical support)",
  "settings.help.target_pengaduan_menit": "Target time to answer a complaint, in working minutes",
  "settings.help.eskalasi_pengaduan":
    "Who is told when a complaint passes its target unanswered: a stage key (e.g. kadis) or e-mail addresses, comma-separated; empty: the first stage's officials; -: nobody",
  "settings.help.kontak_data_pribadi":
    "Contact for questions about personal data (empty: the office's address)",
  "form.privacy":
    "PERSONAL DATA NOTICE (Law No. 27 of 2022). Data controller: {controller}. Purpose: processing the request for an official e-mail account, creating the account and sending the account letter; the data is used for nothing else. Kept: name and titles, employment status, NIP/NI PPPK, NIK (if given), position, agency, mobile number, personal e-mail and the request letter. Retention: {days} days after the request is completed or rejected; then the NIP, NIK, position, mobile number, personal e-mail and request letter are erased (the name and the address of a created account are kept). You may ask for access to, correction or erasure of your data at: {contact}.",
  "guard.refused":
    "{entry} refused: this function runs only for Surel's triggers or for the service account from the script editor, never from the status page or for another caller. Nothing was changed.",
  "guard.record":
    "A call of {entry} was refused and ran nothing: the caller {who} brought no Surel trigger event and did not act with their own authority (authority used: {effective}), e.g. google.script.run from the status page.",
  "guard.foreign_authority":
    "{entry} refused: this function is running with the rights of {effective}, while Surel was installed by the service account {installer} and runs only with that account's rights (for example never as a library in another project). Nothing was changed.",
  "guard.record_foreign":
    "A call of {entry} was refused and ran nothing: the code ran with the rights of {effective} (caller {who}), not with those of the service account {installer} that installed Surel, e.g. as a library in someone else's project.",
  "guard.anonymous": "anonymous (no account)",
  "guard.previous_hour": "In the previous hour {count} calls were refused in all.",
  "guard.record_limit":
    "This hour's record limit is reached: further refusals this hour are only counted, and their number is recorded with the first refusal of the next hour.",
  "status_page.title": "Official E-mail Request Status",
  "status_page.lookup.heading": "Check a request's status",
  "status_page.lookup.hint":
    "Enter the ticket number and the secret code printed on the receipt in your personal e-mail.",
  "status_page.lookup.ticket": "Ticket number",
  "status_page.lookup.code": "Secret code",
  "status_page.lookup.button": "Show status",
  "status_page.complaint.heading": "Service complaint",
  "status_page.complaint.hint":
    "Tell us about a problem with this service, about one request or in general. The answers are sent to your e-mail.",
  "status_page.complaint.name": "Name",
  "status_page.complaint.email": "E-mail for the answer",
  "status_page.complaint.ticket": "Ticket number (if about one request)",
  "status_page.complaint.text": "Your complaint",
  "status_page.complaint.button": "Send complaint",
  "status_page.busy": "Please wait\u2026",
  "status_page.failed": "The page could not reach the server. Check your connection and try again.",
  "status_page.privacy":
    "This page shows only a request's status and the applicant's first name. Data controller: {office}. Questions about personal data: {contact}.",
  "status_page.refused.heading": "The status cannot be shown",
  "status_page.refused.text":
    "The ticket number or the secret code does not match, or there were too many attempts. Check your receipt and try again in an hour.",
  "status_page.result.hello": "Hello, {name}.",
  "status_page.result.ticket": "Ticket number",
  "status_page.result.stage": "Current stage",
  "status_page.result.next": "What happens next",
  "status_page.result.expected": "Expected completion (counted in working hours)",
  "status_page.result.late": "beyond the service standard",
  "status_page.result.history": "Stages so far",
  "status_page.next.in_stage": "The request is with {stage}. Then: {later}.",
  "status_page.next.account": "creating the account and sending the account letter",
  "status_page.next.correction":
    "The request needs corrections. The instructions were sent to your personal e-mail; fill in the form again with this ticket in the field Previous ticket number.",
  "status_page.next.held":
    "The request is on hold. The reason was sent to your personal e-mail; you will be told when it resumes.",
  "status_page.next.rejected": "The request was rejected. The reason was sent to your personal e-mail.",
  "status_page.next.creating": "The request is approved; the e-mail account is being created.",
  "status_page.next.letter": "The account was created; the account letter is sent to your personal e-mail.",
  "status_page.next.done": "Completed. The account letter was sent to your personal e-mail.",
  "status_page.complaint.busy_heading": "Complaints cannot be taken right now",
  "status_page.complaint.busy":
    "Too many complaints in the last hour. Try again later, or contact: {contact}.",
  "status_page.complaint.problems": "The complaint cannot be sent yet",
  "status_page.complaint.filed_heading": "Complaint {number} received",
  "status_page.complaint.filed":
    "Thank you. Your complaint is recorded as {number}; the receipt and every answer are sent to the e-mail you gave.",
  "complaint.problem.name": "The name is missing.",
  "complaint.problem.name_long": "The name has at most {max} characters.",
  "complaint.problem.email": "The e-mail address for the answer is not valid.",
  "complaint.problem.ticket":
    "\u201c{ticket}\u201d is not a ticket number (e.g. SRL-2611-0007); leave it empty for a complaint in general.",
  "complaint.problem.text": "The complaint is too short (at least 10 characters).",
  "complaint.problem.text_long": "The complaint has at most {max} characters.",
  "complaint.action.tanggapi": "Respond",
  "complaint.action.selesaikan": "Close",
  "complaint.status.baru": "new",
  "complaint.status.ditanggapi": "answered",
  "complaint.status.selesai": "closed",
  "complaint.refused.not_handler": "You are not a complaint handler or an administrator.",
  "complaint.refused.closed": "This complaint is closed.",
  "complaint.refused.note": "Write the response in the Response column first; it is sent to the complainant.",
  "complaint.refused.response_not_own":
    "The response on this row was not written by you (written by: {by}); write your own response in the Response column, then choose the action again.",
  "complaint.refused.not_complaint": "This row is not a complaint.",
  "complaint.refused.unknown_action": "Unknown action; choose one from the list.",
  "complaint.log.about": "about ticket {ticket}",
  "complaint.digest.about": "about {ticket}",
  "complaint.digest.general": "general",
  "complaint.stage": "Complaint",
  "complaint.mail.greeting": "Dear Sir or Madam,",
  "complaint.mail.receipt.not_you":
    "If you did not file this complaint, ignore this e-mail: someone else may have typed your address.",
  "complaint.mail.receipt.subject": "Complaint received \u2013 {number}",
  "complaint.mail.receipt.intro": "We received your complaint as number {number}.",
  "complaint.mail.about": "About request: {ticket}",
  "complaint.mail.text": "Complaint: {text}",
  "complaint.mail.receipt.due": "We will answer by {due}. Every answer is sent to this address.",
  "complaint.mail.notice.subject": "New complaint {number}",
  "complaint.mail.notice.intro": "New complaint {number} from {name} ({email}).",
  "complaint.mail.notice.due": "Answer due by: {due}.",
  "complaint.mail.notice.how":
    "Write the response in the Response column of the Pengaduan sheet, then choose Respond or Close in the Action column. The response is sent to the complainant.",
  "complaint.mail.notice.link": "Open the complaint",
  "complaint.mail.response.subject": "Answer to complaint {number}",
  "complaint.mail.response.intro": "Here is the answer to your complaint {number}:",
  "complaint.mail.response.open": "We are still following up complaint {number}.",
  "complaint.mail.response.closed": "With this answer complaint {number} is closed.",
  // ── Request integrity ─────────────────────────────────────────────────────
  "setup.protect.responses": "Form responses: only the form and the Surel program write here.",
  "edit.address.reapproval": "changed after approval: sent back to {stage} for approval again",
  "edit.address.reapproval_action": "e-mail address changed after approval; please approve again",
  "edit.address.sent_back":
    "The address is now {address}. The request had been approved, so it goes back to {stage} to be approved again.",
  "edit.paste_program":
    "This paste overwrote columns owned by the program. Action, note and e-mail address were restored, but overwritten personal data cannot be restored automatically: no account or letter is made for this row until its data is put back as it was (Version history).",
  "provision.fail.tampered":
    "The personal data on this row changed outside the program (for example by a paste) and no longer matches what was recorded. No account or letter is made; put the row's data back as it was (Version history), then choose Create account again.",
  "edit.note_not_own":
    "The action note on this row was not written by you (written by: {by}); write your own reason in the action note column, then choose the action again.",
  "log.tail_mismatch":
    "The disposition log does not match its anchor: the sheet's last entry is #{seq}, the anchor records #{anchor} (hash {hash}\u2026). The log may have been truncated or altered; no new entry is added until it is restored.",
  "log.alarm_subject": "WARNING: the official e-mail disposition log may have been altered",
  "log.alarm_how":
    "Restore the Log sheet from the spreadsheet's Version history to a version whose tail matches the anchor, then run Surel \u2192 Check log integrity. Meanwhile the requests stay safe in the responses sheet.",
  "log.head_subject": "Head of the official e-mail disposition log {date}",
  "log.head_body":
    "Head of the disposition log on {date}: entry #{seq}, hash {hash}. Keep this mail: the hash lets anyone check later that the history up to this entry was not changed.",
  "edit.busy":
    "The system is busy, so this choice was not processed and has been undone; please choose again in a moment.",
  "edit.busy_logged":
    "Edit of {cell} by {actor} undone because the system was busy (lock not obtained): {detail}",
  "field.braces":
    "\u201c{field}\u201d contains double curly braces ({{ or }}), which the system uses for letter fields; please remove them.",
  "name.initials_only":
    "The full name \u201c{name}\u201d contains only titles or initials; please write your name without abbreviating it.",
  "correction.address_kept":
    "The personal e-mail address cannot be changed by a correction: the account letter still goes to the address on record ({address}). To change the address, contact the service administrator.",
  "correction.phone_kept":
    "The mobile number cannot be changed by a correction: the account's recovery number stays the number on record ({phone}). To change it, contact the service administrator.",
  "intake.log.phone_kept":
    "(the correction asked for another mobile number; the number on record {phone} was not changed)",
  "intake.log.delivery": "delivery address {before} \u2192 {after}",
  "correction.code_missing":
    "The correction of ticket {ticket} was not applied because the status code from the receipt was not filled in; request {ticket} is unchanged. This submission is registered as a new request. To correct {ticket}, submit the form again with that ticket number and the secret code from its receipt e-mail.",
  "correction.code_refused":
    "The correction of ticket {ticket} was not applied because the status code does not match that ticket (or wrong codes were tried too often; try again after an hour); request {ticket} is unchanged. This submission is registered as a new request. To correct {ticket}, submit the form again with the secret code from its receipt e-mail.",
  "intake.log.correction_no_code":
    "correction without a status code not applied; the submission is registered as new request {newTicket} (address {requested})",
  "intake.log.correction_wrong_code":
    "correction with a wrong status code (or past the attempt limit) not applied; the submission is registered as new request {newTicket} (address {requested})",
  "mail.correction_refused.subject": "Correction of request {ticket} not applied",
  "mail.correction_refused.body":
    "We received a correction form for request {ticket} without the right status code from the receipt e-mail, so the correction was not applied: request {ticket} is unchanged and still waits for correction. The submission is registered as a separate request with ticket number {newTicket}; its receipt went to the address typed in the form ({requested}).",
  "mail.correction_refused.how":
    "If the correction was yours, submit it again with ticket number {ticket} and the secret code from its receipt e-mail. If it was not, your request was not changed; contact the service administrator if needed.",
  "intake.log.delivery_kept": "(the correction asked for {requested}; not changed)",
  "mail.address_kept.subject": "Request to change the personal e-mail address \u2013 {ticket}",
  "mail.address_kept.body":
    "A correction of request {ticket} asked for the account letter to go to {requested}. For security the delivery address is not changed through the form: the letter still goes to this address. If you did not send this correction, contact the service administrator at once.",
  // ── The time standard: reminders, escalation, daily digest (reminders.ts) ──
  // ── Dashboard (dashboard.ts) ─────────────────────────────────────────────
  // ── Monthly recap (recap.ts) ─────────────────────────────────────────────
  // ── A real tenant: locale, time zone, the published form, directory targets ──
  "locale.order.dmy": "day/month/year",
  "locale.order.mdy": "month/day/year",
  "locale.order.ymd": "year/month/day",
  "locale.stamp_future":
    "The response's timestamp \"{text}\" lies in the future (dates are read by the spreadsheet's locale): the request is registered with the time of processing. Check the spreadsheet's locale (File → Settings).",
  "locale.stamp_unreadable":
    "The response's timestamp \"{text}\" cannot be read by the spreadsheet's locale: the request is registered with the time of processing.",
  "tenant.zone_set":
    "The spreadsheet's time zone was changed from {before} to {zone} (the office's time zone), so that the register and the mails show the same clock.",
  "tenant.zone_ok": "Spreadsheet time zone: {zone}, the same as the office's.",
  "tenant.zone_unknown":
    "Warning: the office's time zone {zone} is unknown; the spreadsheet's time zone ({current}) was not changed.",
  "tenant.locale": "Spreadsheet locale: {locale}; dates in form answers and timestamps are read {order}.",
  "tenant.form_published_now":
    "The form was published: forms created through the API since 1 July 2026 start unpublished and take no responses until published.",
  "tenant.form_published": "The form is published and accepts responses.",
  "tenant.form_unpublished":
    "ERROR: the form is not published; applicants cannot submit requests. Open the form and click Publish, then run setup again.",
  "tenant.form_closed":
    "Warning: the form is published but closed (it accepts no responses). If that was not meant, open the form → Responses → turn on Accepting responses.",
  "tenant.login_opened":
    "The form was opened to applicants without a domain account (before, only accounts of the domain could fill it in).",
  "tenant.login_open": "The form can be filled in without signing in with a domain account.",
  "tenant.login_error":
    "Warning: the form's restriction to domain accounts could not be turned off ({detail}). Turn it off by hand: form → Settings → Responses → Restrict to users in the domain.",
  "tenant.tab_missing":
    "ERROR: the form's responses tab was not found in the spreadsheet. Open the form → Responses → Link to Sheets (choose this spreadsheet), then run setup again.",
  "tenant.tab_by_url": "The form's responses tab was found by the linked form's address.",
  "tenant.check.unpublished":
    "The application form is not published: applicants cannot submit requests. Run Surel → Set up / repair, or open the form and click Publish.",
  "tenant.check.restricted":
    "The application form can only be filled in with a domain account, while applicants have none yet. Run Surel → Set up / repair.",
  "tenant.directory_ok":
    "Directory: the {groups} group(s) and {units} org unit(s) the OPD sheet names all exist.",
  "tenant.group_missing":
    "ERROR: group {group} for {opd} does not exist in the directory. Create the group in the Admin console or correct the group column of the OPD sheet.",
  "tenant.orgunit_missing":
    "ERROR: org unit {path} for {opd} does not exist in the directory. Create it in the Admin console or correct the org unit column of the OPD sheet.",
  "tenant.directory_unchecked": "Warning: groups and org units could not be checked: {detail}",
  "directory.failure.not_found": "not found in the directory",
  "directory.failure.not_authorized": "the service account is not authorised (not an administrator)",
  "directory.failure.rate_limited": "the directory's request limit was exceeded for now",
  "directory.failure.unavailable": "the directory service is unavailable for now",
  "directory.failure.invalid": "an address or value the directory does not accept",
  "directory.failure.other": "an unknown directory error (details in the error log)",
  "provision.join.failed":
    "Account {address} could not be added to group {group} yet: {reason}. The sweep tries again every 10 minutes; correct the group in the OPD sheet or create the group in the Admin console.",
  "provision.join.done": "Account {address} is now a member of group {group} (retried by the sweep).",
  "settings.help.lisensi":
    "Google Workspace licences the office holds (0 = not checked). Account creation stops before the last licence is taken; administrators are warned at 90 %.",
  "licence.not_set":
    "the number of licences is not set (setting lisensi), accounts are not compared with licences",
  "licence.count": "{used} accounts of {total} licences ({percent} %)",
  "licence.dash": "Google Workspace licences: {text}; counted {time}",
  "licence.setup": "Google Workspace licences: {text}.",
  "licence.setup_full":
    "WARNING: licences are nearly used up; no new account is created until the licence value in the Pengaturan sheet is raised (the last licence is always kept free).",
  "licence.setup_failed": "Warning: the directory's accounts could not be counted: {detail}",
  "licence.warn.subject": "[Surel] Google Workspace licences {percent} % used",
  "licence.warn.intro":
    "The directory now holds {used} accounts of {total} Google Workspace licences ({percent} %); {left} licences are left. The e-mail service never takes the last licence: account creation stops before it is used.",
  "licence.warn.next":
    "Add licences in the Admin console (Billing, Subscriptions) and raise the licence value in the Pengaturan sheet, or suspend accounts nobody uses.",
  "licence.log.warned":
    "Accounts reached {percent} % of the licences ({used} of {total}); administrators told.",
  "licence.stop":
    "Account {address} was not created: Google Workspace licences are nearly used up ({used} accounts of {total} licences; the last licence is never taken). Request {ticket} waits and nothing is lost. Add licences in the Admin console and raise the licence value in the Pengaturan sheet: the sweep resumes the account creation by itself.",
  "licence.stop.note":
    "no licence left: {used} accounts of {total} licences; waiting for the licence value to be raised",
  "settings.help.usul_tangguhkan_hari":
    "How many days after the account letter was sent an account never used is proposed to the administrators for suspension (0 = never).",
  "admin.op.suspend": "Suspend an account never used",
  "unused.remind.subject": "Sign in to your official e-mail account {address} soon",
  "unused.remind.intro":
    "You have not used the official e-mail account {address} (ticket {ticket}) yet. The temporary password in the account letter is valid until {deadline}; after that it no longer works.",
  "unused.remind.next":
    "Sign in before that date with the address and the temporary password of the letter, then choose a new password. If you do not have the letter, contact the office and name the ticket number.",
  "unused.monthly.subject": "Official e-mail accounts of {opd} never used ({month})",
  "unused.monthly.intro":
    "{count} official e-mail accounts of {opd} have never been used and their temporary password has expired (as of {month}):",
  "unused.monthly.item": "{address} ({name}), letter sent {sent}",
  "unused.monthly.next":
    "Please remind the employees concerned. If an account is still needed, ask the office for a new account letter; an account unused for long may be proposed for suspension.",
  "unused.propose.subject": "Proposed suspension of an account never used: {address}",
  "unused.propose.intro":
    "Account {address} ({opd}, ticket {ticket}) has not been used in {days} days or more since its letter was sent. It is proposed for suspension (not deletion; it can be reactivated).",
  "unused.propose.how":
    "To confirm: on the Permintaan Admin sheet fill in Ticket {ticket}, then choose the request “{op}”. If the account is still needed, ignore this mail.",
  "unused.log.reminded": "activation reminder sent; the temporary password is valid until {deadline}",
  "unused.log.proposed":
    "account {address} not used in {days} days; proposed to the administrators for suspension",
  "unused.log.suspended":
    "account {address} suspended: not used in {days} days since the account letter was sent",
  "unused.suspend.refused": "Suspension of the account of {ticket} not carried out: {reason}",
  "unused.suspend.off": "the setting usul_tangguhkan_hari is 0 (suspending unused accounts is not enabled).",
  "unused.suspend.no_ticket": "the ticket is not in the register.",
  "unused.suspend.no_account": "this request is not finished with an account and a letter sent.",
  "unused.suspend.too_early":
    "the account letter was sent {days} days ago; a suspension may be proposed after {needed} days (usul_tangguhkan_hari).",
  "unused.suspend.gone": "account {address} is not in the directory.",
  "unused.suspend.not_ours": "account {address} in the directory is not the account created for this ticket.",
  "unused.suspend.already": "account {address} is already suspended.",
  "unused.suspend.used": "account {address} has been used; not suspended.",
  "unused.suspend.done":
    "Account {address} (ticket {ticket}) suspended. It is not deleted: an administrator can reactivate it in the Admin console.",
  // ── Changes and departures (changes.ts) ─────────────────────────────────
  "change.reason.mutasi_keluar": "Transfer out",
  "change.reason.pensiun": "Retirement",
  "change.reason.meninggal": "Deceased",
  "change.address.required": "The address of the office account to change is required.",
  "change.address.invalid": 'The account address "{value}" is not an office address @{domain}.',
  "change.nip.required": "The account holder's NIP / NI PPPK is required.",
  "change.letter.number_required":
    "The number of the OPD's cover letter is required: account changes are made only on an OPD letter.",
  "change.letter.number_invalid":
    'The letter number "{value}" is unusual: write the OPD letter\'s number as printed on it (e.g. 800/123/BKPSDM/2026).',
  "change.letter.date_required": "The date of the OPD's cover letter is required.",
  "change.letter.date_future": "The OPD letter's date ({date}) has not come yet; check the letter's date.",
  "change.letter.date_old":
    "The OPD letter is dated {date}, more than {days} days ago; ask the OPD for a new letter.",
  "change.date.unreadable":
    'The date "{value}" cannot be read; write it like 22/11/2026 or 22 November 2026.',
  "change.name.required": "The new name is required for a name change.",
  "change.opd.required": "The new OPD is required for a move.",
  "change.opd.unknown": 'The OPD "{value}" is not in the list of OPDs; choose an OPD from the list.',
  "change.reason.required": "The reason for leaving is required (transfer out, retirement or deceased).",
  "change.reason.unknown": 'The reason "{value}" is unknown; choose transfer out, retirement or deceased.',
  "change.effective.required": "The effective date (TMT) of the OPD letter is required.",
  "change.effective.too_far":
    "The effective date {date} is more than {days} days ahead; file the request closer to that date.",
  "change.refuse.no_account": "account {address} is not in the directory.",
  "change.refuse.alias":
    "{address} is an alias of the account {primary}; write the account's primary address.",
  "change.refuse.admin":
    "account {address} is an administrator's account; it is changed in the Admin console, not through a form.",
  "change.refuse.nip":
    "The NIP of the request does not match the NIP the directory records for this account.",
  "change.refuse.invalid": "the request's data are incomplete or not correct yet.",
  "change.refuse.suspended": "account {address} is suspended; reactivate it before moving it to another OPD.",
  "change.refuse.not_suspended":
    "account {address} is not suspended; a reactivation is only for a suspended account. For a new password, file a password reset.",
  "change.refuse.not_recorded":
    "the suspension of account {address} was not recorded by a departure request in surel (an administrator may have suspended it, e.g. after a compromise); ask the administrators to lift it themselves in the Admin console.",
  "change.refuse.google_suspension":
    "account {address} was suspended by Google (reason: {reason}); an administrator lifts that in the Admin console.",
  "change.found.name": "account {address} is already named {name}.",
  "change.found.org_unit": "account {address} is already in the org unit {path}.",
  "change.found.group": "account {address} is already a member of the group {group}.",
  "change.found.suspended": "account {address} is already suspended.",
  "change.found.active": "account {address} is already active.",
  "change.step.join": "joins the group {group}",
  "change.step.leave": "leaves the group {group}",
  "change.step.name": "directory name becomes {name}",
  "change.step.org_unit": "org unit becomes {path}",
  "change.step.suspend": "account suspended (not deleted)",
  "change.step.unsuspend": "account's suspension lifted",
  "change.refuse.no_recovery":
    "account {address} has no usable recovery e-mail in the directory; a new password cannot be sent. Fill in the recovery e-mail in the Admin console first.",
  "change.state.active": "active",
  "change.state.suspended": "suspended",
  "change.check.found":
    "Account {address} is in the directory ({state}, org unit {path}). To be done: {steps}.",
  "change.check.wait":
    "Account {address} is in the directory ({state}, org unit {path}). Effective {date}: once approved, the system carries it out on that day.",
  "change.check.done": "Account {address} already is as requested: {found}",
  "change.check.refused": "CHECK BEFORE APPROVING: {reason}",
  "change.check.unreadable": "The change's details are incomplete; see Data problems.",
  "change.fail.details":
    "the change's details in the register cannot be read or are incomplete; reject this request and ask for a new one.",
  "change.fail.join":
    "account {address} could not rejoin the group {group} yet ({reason}); add it in the Admin console.",
  "change.log.intent": "to do: {steps}",
  "change.log.found": "already so: {found}",
  "change.log.noted": "groups noted before the suspension: {groups}",
  "change.log.wait": "waiting for the effective date {date}",
  "change.log.done": "{kind} carried out: {summary}",
  "change.log.recipient": "password letter to the recovery e-mail on record {recipient}",
  "change.nothing": "nothing to change",
  "change.notice.subject": "[{ticket}] {kind} done: {address}",
  "change.notice.intro":
    "The {kind} request for the account {address} (ticket {ticket}) was carried out on {when}.",
  "change.notice.done": "Done: {steps}.",
  "change.notice.found": "Already so before: {found}",
  "change.notice.departure":
    "The account is not deleted: its mail and files are kept under the office's retention rules, and it can be reactivated with a Reactivate account request and an OPD letter.",
  "change.notice.reactivation":
    "The temporary password is sent in a separate letter to the recovery e-mail on record for this account.",
  "reset.address.required": "The address of the official account whose password is to be reset is required.",
  "reset.address.invalid": 'Account address "{value}" is not an official @{domain} address.',
  "reset.nip.required": "The account holder's NIP / NI PPPK is required for a password reset.",
  "reset.nip.invalid": "NIP / NI PPPK must be 18 digits.",
  "reset.email.required": "The personal e-mail on record for this account is required.",
  "reset.mismatch.no_account": "account {address} is not in the directory.",
  "reset.mismatch.alias": "{address} is an alias of account {primary}, not the account's primary address.",
  "reset.mismatch.admin":
    "an administrator's account; its password is managed in the Admin console, not through a form.",
  "reset.mismatch.suspended": "the account is suspended in the directory.",
  "reset.mismatch.nip_none": "the directory records no NIP for this account.",
  "reset.mismatch.nip": "NIP does not match: form {given}, directory {recorded}.",
  "reset.mismatch.email_none":
    "the directory records no recovery e-mail for this account: the reset letter has nowhere to go.",
  "reset.mismatch.email_unusable":
    "the recovery e-mail in the directory ({recorded}) cannot receive the letter.",
  "reset.mismatch.email": "personal e-mail does not match: form {given}, directory {recorded}.",
  "reset.staff.match":
    "Password reset: address, NIP and recovery e-mail match the directory. The letter goes only to the recovery e-mail on record.",
  "reset.staff.mismatch":
    "Password reset: the data do not match the directory. Do not approve before the account holder is confirmed:",
  "reset.staff.no_account": "Password reset: account not found.",
  "reset.applicant.received":
    "Your password reset request has been received and will be checked by our staff. If the data match our records, a new temporary password is sent to the recovery e-mail on record for the account; if not, our staff will contact you.",
  // ── Bulk requests ─────────────────────────────────────────────────────────
  "batch.head.contact": "Agency contact e-mail",
  "batch.head.help":
    "Fill column B of rows 1-4, then one row per person under the column titles (row 7 on). The Ticket and Problems columns are the program's.",
  "batch.head.contact_missing":
    "The agency contact e-mail (cell B4) is empty: the import report and the summary go there.",
  "batch.head.contact_invalid": "The agency contact e-mail (cell B4) is not one valid address: {value}.",
  "batch.head.problem": "The list's head (rows 1-3) has problems, nothing was imported: {problems}",
  "batch.head.unknown_titles":
    "These column titles are no question of the form, nothing was imported (their content would be lost): {titles}. Use the titles of the sheet the program made.",
  "batch.head.empty": "The list {batch} holds no person yet (row 7 on).",
  "batch.column.ticket": "Ticket",
  "batch.column.problems": "Problems",
  "batch.unknown": "Bulk request {batch} is not in the Permohonan Massal sheet.",
  "batch.bad_id": "Put the bulk request's id (MSL-yyMM-nnnn) in the Ticket column; found: {value}.",
  "batch.created":
    "Sheet {batch} created. Fill the list's head (agency, letter number and date, agency contact e-mail) and one row per person, then ask for Import a bulk request with Ticket {batch}.",
  "batch.protect.list": "Bulk request list: administrators only",
  "batch.protect.sheet": "Bulk requests: officials fill only Action and Action note",
  "batch.import.started": "{batch}: {done} of {total} people processed; the rest continues by itself.",
  "batch.import.done":
    "{batch}: {registered} people registered, {refused} rows refused; the report went to {contact}.",
  "batch.import.state_running": "running · {done}/{total}",
  "batch.import.state_done": "done {time} · {registered} registered · {refused} refused",
  "batch.import.waiting": "waiting for the list",
  "batch.log.imported": "Bulk request {batch} ({letter})",
  "batch.log.action": "Bulk action {batch}: {action}",
  "batch.result.applied": "{action} by {actor} at {time}: {applied} members.",
  "batch.result.skipped": "{skipped} members are not at this stage and were skipped: {tickets}.",
  "batch.result.partial":
    "The execution's time ran out: {left} members were not processed; choose this action again for the rest.",
  "batch.refuse.none": "No member of this bulk request waits at the stage {stage}.",
  "batch.refuse.closed": "This bulk request has no member waiting for an action.",
  "batch.refuse.paste":
    "Pasting or changing several cells at once in Permohonan Massal is not allowed: choose one Action cell per bulk request.",
  "batch.members.none": "none yet",
  "batch.notice.name": "{count} people of {opd} (bulk request {batch})",
  "batch.mail.import.subject": "Bulk request {batch}: the list checked ({refused} rows refused)",
  "batch.mail.import.intro":
    "The list of official e-mail account requests {batch} of {opd} (letter {letter}) was checked: {registered} people registered, each with a ticket; {refused} rows cannot be processed yet.",
  "batch.mail.import.refused_head": "Rows to correct",
  "batch.mail.import.refused_row": "Row {row} ({name}): {problems}",
  "batch.mail.import.refused_next":
    "Correct these rows and send them to us again; people already registered will not be registered twice ({batch}).",
  "batch.mail.import.registered_head": "Registered",
  "batch.mail.summary.subject": "Bulk request {batch} finished",
  "batch.mail.summary.intro":
    "Every request of {batch} of {opd} (letter {letter}) is finished: {created} accounts created, {rejected} requests rejected, {refused} list rows could not be processed.",
  "batch.mail.summary.created_head": "Accounts created",
  "batch.mail.summary.letters":
    "The account letters with the temporary passwords went straight to each employee's personal e-mail.",
  "batch.mail.summary.rejected_head": "Rejected",
  "admin.op.batch_new": "Create a bulk request sheet",
  "admin.op.batch_import": "Import a bulk request",
  "settings.help.arsip_bulan":
    "Requests closed before the start of the month N months back move to the archive of the year they closed in, once a month outside office hours (N = this value; 0 = never; default 3: in May, those closed before 1 February).",
  "archive.anchor_note":
    "Archive anchor {year}: entries up to #{to} moved to {name} ({id}); this log continues from entry #{to}.",
  "archive.segment_start": "Continued: entries up to #{seq} are in the archive of {name}.",
  "archive.log_broken":
    "Archive {year}: the log chain to be moved is not intact ({reason}). The log was not cut; the requests were still moved. Run Verify the whole log again.",
  "archive.unreadable":
    "Archive {year} ({id}) cannot be opened: entries #{from} to #{to} cannot be checked yet.",
  "archive.where": "{sheet} in the archive of {year}",
  "archive.ticket_archived":
    "Ticket {ticket} has moved to the archive of {year} (read-only); archived requests are not changed any more. If needed, submit a new request.",
  "status_page.result.archived": "This request is closed and kept in the archive of {year}.",
  "service.kind.akun_baru": "New account",
  "service.kind.reset_sandi": "Password reset",
  "service.kind.ubah_nama": "Name change",
  "service.kind.pindah_opd": "Move to another agency",
  "service.kind.berhenti": "Leaving (transfer out, retirement, death)",
  "service.kind.aktif_kembali": "Reactivate account",
  "service.form.title": "Official E-mail Account Services \u2013 {office}",
  "service.form.description":
    "This form is for official @{domain} accounts that ALREADY EXIST: password reset and account changes. For a new account use the application form. Your data are compared with the directory's records; a letter with a password goes only to the recovery e-mail on record for the account, never to an address typed in this form.",
  "service.form.confirmation":
    "Thank you. Your request has been received; a receipt with its ticket number is sent to the personal e-mail you gave.",
  "service.form.service.title": "Service",
  "service.form.service.help": "Choose the service you request.",
  "service.form.address.title": "Official e-mail account address",
  "service.form.address.help": "The account's address, for example your.name@{domain}.",
  "service.form.nip.title": "Account holder's NIP / NI PPPK",
  "service.form.nip.help": "18 digits, as recorded on the account.",
  "service.form.personalEmail.title": "Personal e-mail on record",
  "service.form.personalEmail.help":
    "The personal e-mail you gave when the account was made (the account's recovery e-mail). The receipt goes to this address.",
  "service.form.fullName.title": "Applicant's name",
  "service.form.fullName.help": "Your full name.",
  "service.form.newName.title": "New name",
  "service.form.newName.help": "For a name change: the new full name as in the personnel documents.",
  "service.form.targetOpd.title": "New agency",
  "service.form.targetOpd.help": "For a move: the new agency.",
  "service.form.leaveReason.title": "Reason for leaving",
  "service.form.leaveReason.help": "For leaving: transfer out, retirement or death.",
  "service.form.effectiveDate.title": "Effective date",
  "service.form.effectiveDate.help":
    "For a move, leaving, reactivation: the effective date (TMT) in the agency's letter, e.g. 01/02/2027. The account is changed on that day.",
  "service.form.letterNumber.title": "Agency letter number",
  "service.form.letterNumber.help":
    "The number of the agency's covering letter (required for changes and leaving).",
  "service.form.letterDate.title": "Agency letter date",
  "service.form.letterDate.help": "The date of the agency's covering letter, e.g. 15/01/2027.",
  "service.receipt.subject": "[{ticket}] Receipt: {kind}",
  "service.receipt.intro":
    "Your account service request ({kind}) was received on {when} with ticket number {ticket}.",
  "service.receipt.problems":
    "This request cannot be processed because of the following. Correct it and send the account services form again (a new request):",
  "service.receipt.next":
    "Our staff will check your request; the result is sent to the personal e-mail on record.",
  "service.type.missing": "The service must be chosen.",
  "service.type.unavailable":
    'The service "{value}" is not available yet. Contact the office with the ticket number.',
  "service.field.required": "{field} is required for {kind}.",
  "service.log.received": "account service: {kind}",
  "service.setup.form_created": "Account services form created: {url}",
  "service.setup.form_kept": "Account services form exists: {url}",
  "service.setup.questions_added": "Questions added to the account services form: {titles}",
  "settings.help.rantai_reset_sandi":
    "Chain of password reset requests: staf (straight to the last stage, the default) or lengkap (through every stage).",
  "settings.chain_choice": '"{value}" is no chain choice: write staf or lengkap.',
  "service.check.unavailable":
    "The directory could not be asked when the request arrived; the data are checked again when the request is carried out.",
  "service.exec.unavailable":
    'the request type "{kind}" cannot be carried out by the system yet; handle it by hand or reject it with a reason.',
  "letter.name.reset_template": "Template of the Official E-mail Password Reset Letter",
  "reset.exec.mismatch":
    "Password reset not carried out: the request's data do not match the directory now.\n{detail}",
  "reset.log.verified": "identity matches the directory ({address}); password reset",
  "provision.mail.reset_subject":
    "The password of your official e-mail account has been reset \u2013 {ticket}",
  "provision.mail.reset_intro":
    "The password of the official e-mail account {address} has been reset on the request with ticket number {ticket}; the old password no longer works. If you never asked for this, contact us at once.",
  "service.check.unpublished":
    "The account services form is not published: account holders cannot ask for a password reset. Run setup again, or open the form and click Publish.",
  "service.check.closed":
    "Warning: the account services form is published but closed (it accepts no responses). If that is not on purpose, open the form → Responses → turn on Accepting responses.",
  "service.check.restricted":
    "The account services form can only be filled in with a domain account, but someone who lost the password cannot sign in. Run setup again.",
  "service.setup.line": "Account services form: {line}",
  "action.buat_akun.service": "Carry out the request",
  "edit.address.service":
    "The account address of an account services request cannot be changed: the request is checked against the account asked for. If the address is wrong, reject it with a reason and ask the applicant to apply again.",
};
