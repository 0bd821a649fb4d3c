/**
 * A tenant as a ready office has it: the org unit and the group of every OPD exist in the directory
 * before setup (which checks them).
 */
import type { OfficeConfig } from "../../src/domain/config.js";
import type { Emulator, Workspace } from "gas-emulator";
import { addOrgUnit, directoryStateObject, seedGroup } from "gas-emulator/testkit";
import type { OfficeOptions } from "./harness.js";

/** The org units and groups of every OPD made in the directory before setup (which checks them). */
export function withDirectory<O extends OfficeOptions & { groups?: boolean }>(opts: O): O {
  return {
    ...opts,
    beforeSetup: (emu: Emulator, config: OfficeConfig) => {
      seedOpdDirectory(emu.ws, config, opts.groups !== false);
      opts.beforeSetup?.(emu, config);
    },
  };
}

export function findGroupRecord(ws: Workspace, email: string): boolean {
  const e = email.trim().toLowerCase();
  return [...directoryStateObject(ws).groups.values()].some((g) => String(g.group.email) === e);
}

/** Every OPD's org unit, and its group unless `groups` is false, as a ready tenant has them. */
export function seedOpdDirectory(ws: Workspace, config: OfficeConfig, groups = true): void {
  for (const opd of config.opds) {
    if (opd.orgUnitPath) addOrgUnit(ws, opd.orgUnitPath);
    if (opd.group && groups && !findGroupRecord(ws, opd.group)) seedGroup(ws, { email: opd.group });
  }
}
