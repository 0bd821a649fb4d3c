/**
 * The sheets the program owns and their columns. The order here IS the order in the sheet (setup
 * writes the header row and protects it), so handlers address cells by key without reading headers.
 */
import type { ColumnDef } from "./table.js";

export const SHEET_NAMES = {
  register: "Register",
  responses: "Respons Formulir",
  /** The account services form's responses (services.ts): a second form linked to the register. */
  serviceResponses: "Respons Layanan Akun",
  responseIndex: "Indeks Respons",
  mailQueue: "Antrean Surel",
  mailClaims: "Klaim Surel",
  log: "Log Disposisi",
  errors: "Log Galat",
  admin: "Permintaan Admin",
  batches: "Permohonan Massal",
} as const;

export type RegisterKey =
  | "ticket"
  | "receivedAt"
  | "status"
  | "stage"
  | "stageKey"
  | "responsible"
  | "action"
  | "note"
  | "dueAt"
  | "fullName"
  | "name"
  | "asnStatus"
  | "nip"
  | "nik"
  | "position"
  | "opd"
  | "phone"
  | "personalEmail"
  | "accountType"
  | "unitCode"
  | "unitName"
  | "wish"
  | "requestLetter"
  | "previousTicket"
  | "problems"
  | "duplicate"
  | "address"
  | "addressRecorded"
  | "provisioning"
  | "createdAt"
  | "letterNumber"
  | "letterSentAt"
  | "archive"
  | "stageTimes"
  | "stageEnteredAt"
  | "responseRow"
  | "lastLogSeq"
  | "updatedAt"
  | "serviceTotal"
  | "reminders"
  | "dataDigest"
  | "batch"
  | "dupKeys"
  | "requestType"
  | "changeDetails"
  | "notedGroups";

export const REGISTER_COLUMNS: readonly ColumnDef<RegisterKey>[] = [
  { key: "ticket", id: "Tiket", en: "Ticket", plainText: true, width: 120 },
  { key: "receivedAt", id: "Diterima", en: "Received", kind: "date", width: 130 },
  { key: "status", id: "Status", en: "Status", width: 120 },
  { key: "stage", id: "Tahap", en: "Stage", width: 140 },
  { key: "stageKey", id: "Kode Tahap", en: "Stage key", width: 80 },
  { key: "responsible", id: "Penanggung Jawab", en: "Responsible", width: 180 },
  { key: "action", id: "Tindakan", en: "Action", editable: true, width: 120 },
  { key: "note", id: "Catatan Tindakan", en: "Action note", editable: true, width: 200 },
  { key: "dueAt", id: "Batas Waktu Tahap", en: "Step due", kind: "date", width: 130 },
  { key: "fullName", id: "Nama dan Gelar", en: "Name with titles", width: 220 },
  { key: "name", id: "Nama", en: "Name", width: 160 },
  { key: "asnStatus", id: "Status Kepegawaian", en: "Employment", width: 110 },
  { key: "nip", id: "NIP / NI PPPK", en: "NIP / NI PPPK", plainText: true, width: 160 },
  { key: "nik", id: "NIK", en: "NIK", plainText: true, width: 150 },
  { key: "position", id: "Jabatan", en: "Position", width: 160 },
  { key: "opd", id: "OPD", en: "Agency", width: 180 },
  { key: "phone", id: "No. HP", en: "Mobile", plainText: true, width: 130 },
  { key: "personalEmail", id: "Surel Pribadi", en: "Personal e-mail", width: 180 },
  { key: "accountType", id: "Jenis Akun", en: "Account type", width: 100 },
  { key: "unitCode", id: "Singkatan Unit", en: "Unit acronym", width: 100 },
  { key: "unitName", id: "Nama Unit", en: "Unit name", width: 160 },
  { key: "wish", id: "Usulan Nama Pengguna", en: "Requested username", width: 150 },
  { key: "requestLetter", id: "Surat Permohonan", en: "Request letter", width: 180 },
  { key: "previousTicket", id: "Tiket Sebelumnya", en: "Previous ticket", width: 120 },
  { key: "problems", id: "Masalah Data", en: "Data problems", width: 260 },
  { key: "duplicate", id: "Cek Duplikat", en: "Duplicate check", width: 240 },
  { key: "address", id: "Alamat Surel", en: "E-mail address", editable: true, width: 220 },
  { key: "addressRecorded", id: "Alamat Tercatat", en: "Recorded address", width: 200 },
  { key: "provisioning", id: "Status Pembuatan", en: "Provisioning", width: 120 },
  { key: "createdAt", id: "Akun Dibuat", en: "Account created", kind: "date", width: 130 },
  { key: "letterNumber", id: "Nomor Surat", en: "Letter number", plainText: true, width: 200 },
  { key: "letterSentAt", id: "Surat Dikirim", en: "Letter sent", kind: "date", width: 130 },
  { key: "archive", id: "Arsip Surat", en: "Letter archive", width: 200 },
  { key: "stageTimes", id: "Waktu per Tahap", en: "Time per stage", width: 240 },
  { key: "stageEnteredAt", id: "Masuk Tahap", en: "Entered stage", kind: "date", width: 130 },
  { key: "responseRow", id: "Baris Respons", en: "Response row", kind: "number", width: 90 },
  { key: "lastLogSeq", id: "No. Log Terakhir", en: "Last log no.", kind: "number", width: 90 },
  { key: "updatedAt", id: "Diperbarui", en: "Updated", kind: "date", width: 130 },
  // The sweep keeps these two current (flows/reminders.ts): the working time since the request
  // arrived against the service standard, and what was sent in the current stage visit.
  { key: "serviceTotal", id: "Total vs Standar", en: "Total vs standard", width: 240 },
  { key: "reminders", id: "Pengingat", en: "Reminders", width: 220 },
  // A digest of the personal columns as the program last wrote them (register.ts personalDigest):
  // provisioning refuses a row whose personal data changed outside the program (e.g. a paste).
  { key: "dataDigest", id: "Sidik Data", en: "Data digest", plainText: true, width: 90 },
  // The bulk request (flows/batch.ts) the request came in, empty for a form answer.
  { key: "batch", id: "ID Massal", en: "Batch", plainText: true, width: 120 },
  // The duplicate check's index (workspace/duplicates.ts dupKeys): the row's normalised keys
  // (identity digits, addresses, wish, OPD and name key), derived from this row's own cells and
  // written in the same write as they are; searched with one TextFinder instead of whole-column
  // reads. Protected like the other program columns; rebuilt by the sweep where it disagrees.
  { key: "dupKeys", id: "Kunci Duplikat", en: "Duplicate keys", plainText: true, width: 90 },
  // The request type (domain/services.ts SERVICE_TYPES: "akun baru", "reset kata sandi", …); last,
  // so that registers from before it keep every other column where it was. Empty = "akun baru".
  { key: "requestType", id: "Jenis Permohonan", en: "Request type", width: 130 },
  // A change's own facts (domain/changes.ts formatChangeDetails: new name, target OPD, reason,
  // effective date, the OPD's letter) and the groups a departure noted before the account left
  // them (reactivation restores them). After the type, for the same reason.
  { key: "changeDetails", id: "Rincian Perubahan", en: "Change details", width: 260 },
  { key: "notedGroups", id: "Grup Dicatat", en: "Noted groups", width: 220 },
];

export type LogKey =
  "seq" | "time" | "ticket" | "from" | "to" | "action" | "actor" | "note" | "prevHash" | "hash";

export const LOG_COLUMNS: readonly ColumnDef<LogKey>[] = [
  { key: "seq", id: "No.", en: "No.", width: 60 },
  { key: "time", id: "Waktu", en: "Time", width: 140 },
  { key: "ticket", id: "Tiket", en: "Ticket", width: 120 },
  { key: "from", id: "Dari", en: "From", width: 180 },
  { key: "to", id: "Ke", en: "To", width: 180 },
  { key: "action", id: "Tindakan", en: "Action", width: 120 },
  { key: "actor", id: "Pelaku", en: "Actor", width: 200 },
  { key: "note", id: "Catatan", en: "Note", width: 260 },
  { key: "prevHash", id: "Hash Sebelumnya", en: "Previous hash", plainText: true, width: 160 },
  { key: "hash", id: "Hash", en: "Hash", plainText: true, width: 160 },
];

export type ErrorKey = "time" | "handler" | "ticket" | "message";

export const ERROR_COLUMNS: readonly ColumnDef<ErrorKey>[] = [
  { key: "time", id: "Waktu", en: "Time", width: 140 },
  { key: "handler", id: "Proses", en: "Process", width: 140 },
  { key: "ticket", id: "Tiket", en: "Ticket", width: 120 },
  { key: "message", id: "Pesan", en: "Message", width: 400 },
];

/** Which register row each form response became: one entry per processed response, append-only. */
export type IndexKey = "responseRow" | "ticket" | "time" | "responseKey";

export const INDEX_COLUMNS: readonly ColumnDef<IndexKey>[] = [
  { key: "responseRow", id: "Baris Respons", en: "Response row", width: 100 },
  { key: "ticket", id: "Tiket", en: "Ticket", width: 120 },
  { key: "time", id: "Diproses", en: "Processed", width: 140 },
  // The response's stable identity (register.ts responseKey): what "already registered" is judged
  // by, so that a row that moved (a deleted row above it) is neither lost nor taken for another.
  { key: "responseKey", id: "Kunci Respons", en: "Response key", plainText: true, width: 160 },
];

/** Mails that could not be sent at once (quota, a passing fault); the sweep sends them. Never secrets. */
export type QueueKey =
  "id" | "time" | "to" | "cc" | "subject" | "body" | "htmlBody" | "attempts" | "lastError" | "sentAt";

export const QUEUE_COLUMNS: readonly ColumnDef<QueueKey>[] = [
  { key: "id", id: "ID", en: "ID", width: 120 },
  { key: "time", id: "Dibuat", en: "Created", width: 140 },
  { key: "to", id: "Kepada", en: "To", width: 200 },
  { key: "cc", id: "Tembusan", en: "Cc", width: 160 },
  { key: "subject", id: "Perihal", en: "Subject", width: 260 },
  { key: "body", id: "Isi", en: "Body", width: 200 },
  { key: "htmlBody", id: "Isi HTML", en: "HTML body", width: 200 },
  { key: "attempts", id: "Percobaan", en: "Attempts", width: 80 },
  { key: "lastError", id: "Galat Terakhir", en: "Last error", width: 200 },
  { key: "sentAt", id: "Terkirim", en: "Sent", width: 140 },
];

/**
 * The ids of sent mails whose rows left the queue (mail.ts pruneMailQueue): what the exactly-once
 * checks still ask about (mailsRecordedFor, mailRecordedSince, the claims of unused.ts). One
 * column: the id ends in the moment the mail was recorded (base 36), so no time column is needed.
 */
export type ClaimKey = "id";

export const CLAIM_COLUMNS: readonly ColumnDef<ClaimKey>[] = [
  { key: "id", id: "ID Surel Terkirim", en: "Sent mail ID", plainText: true, width: 260 },
];

/**
 * The admin sheet (flows/admin.ts): administrators fill the first five columns (the operation
 * last); the service account's edit trigger writes the last four.
 */
export type AdminKey =
  | "operation"
  | "ticket"
  | "value"
  | "reason"
  | "evidence"
  | "requestedBy"
  | "requestedAt"
  | "result"
  | "logSeq";

export const ADMIN_COLUMNS: readonly ColumnDef<AdminKey>[] = [
  { key: "operation", id: "Permintaan", en: "Request", editable: true, width: 220 },
  { key: "ticket", id: "Tiket", en: "Ticket", editable: true, plainText: true, width: 120 },
  { key: "value", id: "Nilai Baru", en: "New value", editable: true, plainText: true, width: 200 },
  { key: "reason", id: "Alasan", en: "Reason", editable: true, width: 220 },
  { key: "evidence", id: "Bukti", en: "Evidence", editable: true, width: 220 },
  { key: "requestedBy", id: "Diminta Oleh", en: "Requested by", width: 200 },
  { key: "requestedAt", id: "Waktu", en: "Time", kind: "date", width: 140 },
  { key: "result", id: "Hasil", en: "Result", width: 360 },
  { key: "logSeq", id: "No. Log", en: "Log no.", kind: "number", width: 80 },
];

/**
 * The bulk requests (flows/batch.ts): one row per OPD letter with a list of people. The
 * program writes every column but the two where the chain acts on the whole batch (Tindakan,
 * Catatan Tindakan, as in the register); each batch's list is its own sheet named by its id.
 */
export type BatchKey =
  | "batchId"
  | "createdAt"
  | "opd"
  | "letter"
  | "contact"
  | "imported"
  | "members"
  | "status"
  | "stageKey"
  | "stage"
  | "action"
  | "note"
  | "result"
  | "summarySent"
  | "logSeq";

export const BATCH_COLUMNS: readonly ColumnDef<BatchKey>[] = [
  { key: "batchId", id: "ID Massal", en: "Batch", plainText: true, width: 130 },
  { key: "createdAt", id: "Dibuat", en: "Created", kind: "date", width: 130 },
  { key: "opd", id: "Perangkat Daerah", en: "Agency", width: 180 },
  { key: "letter", id: "Surat Permohonan", en: "Request letter", width: 200 },
  { key: "contact", id: "Kontak OPD", en: "Agency contact", width: 180 },
  { key: "imported", id: "Impor", en: "Import", width: 240 },
  { key: "members", id: "Anggota", en: "Members", width: 240 },
  { key: "status", id: "Status", en: "Status", width: 100 },
  { key: "stageKey", id: "Kode Tahap", en: "Stage key", width: 80 },
  { key: "stage", id: "Tahap", en: "Stage", width: 140 },
  { key: "action", id: "Tindakan", en: "Action", editable: true, width: 140 },
  { key: "note", id: "Catatan Tindakan", en: "Action note", editable: true, width: 200 },
  { key: "result", id: "Hasil Tindakan", en: "Action result", width: 300 },
  { key: "summarySent", id: "Ringkasan Dikirim", en: "Summary sent", kind: "date", width: 130 },
  { key: "logSeq", id: "No. Log", en: "Log no.", kind: "number", width: 80 },
];
