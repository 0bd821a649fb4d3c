/**
 * The request types the register knows, and which chain a type goes through. Apart from the
 * services table (services.ts) so that the office's configuration (config.ts) can name them
 * without importing the table and what it imports.
 */

/** Every request type the register knows. */
export const SERVICE_KINDS = [
  "akun_baru",
  "reset_sandi",
  "ubah_nama",
  "pindah_opd",
  "berhenti",
  "aktif_kembali",
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Which chain a type goes through: the whole configured chain, or only its last stage. */
export type ChainChoice = "full" | "staff";
