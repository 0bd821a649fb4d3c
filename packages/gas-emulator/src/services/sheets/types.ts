/**
 * Typing helpers shared by the Sheets and Forms emulation.
 *
 * `Api<T, K>` is the methods K of a real Apps Script interface T (from @types/google-apps-script)
 * with object return types loosened to "some GasObject" and enum types loosened to the strings the
 * emulator uses for enum values. A class that `implements Api<GoogleAppsScript.Spreadsheet.Range,
 * "getValues" | ...>` gets a compile error when a method's name, arity or primitive parameter and
 * return types differ from the real API, without having to implement every interface it returns.
 * Only the last overload of an overloaded method is checked (TypeScript infers from it).
 */
import type { GasObject } from "../../core.js";

type Primitive = string | boolean | undefined | null;
/** `void`, spelled where the lint rule allows it (a return type). */
type Void = ReturnType<() => void>;

/** True only for `number` itself (numeric enums are assignable to number and back, but not identical). */
type IsNumber<R> = (<T>() => T extends R ? 1 : 2) extends <T>() => T extends number ? 1 : 2 ? true : false;

/** An interface or enum value as the emulator returns it. */
type LooseRet<R> = 0 extends 1 & R
  ? unknown
  : R extends Primitive
    ? R
    : R extends Void
      ? Void
      : R extends number
        ? IsNumber<R> extends true
          ? number
          : string
        : R extends Date | GoogleAppsScript.Base.Date
          ? Date
          : R extends readonly (infer E)[]
            ? LooseRet<E>[]
            : GasObject | null;

/** A parameter as the emulator accepts it (enums arrive as strings, objects as GasObjects). */
type LooseArg<A> = 0 extends 1 & A
  ? unknown
  : A extends Primitive
    ? A
    : A extends number
      ? IsNumber<A> extends true
        ? number
        : string | number
      : A extends Date | GoogleAppsScript.Base.Date
        ? Date
        : A extends readonly (infer E)[]
          ? LooseArg<E>[]
          : A extends GoogleAppsScript.Base.User | GoogleAppsScript.Spreadsheet.Range
            ? GasObject
            : A extends object
              ? object
              : A;

type LooseArgs<A extends unknown[]> = { [I in keyof A]: LooseArg<A[I]> };

/** A method signature loosened as described above, compared bivariantly (method syntax). */
type Loosen<F> = F extends (...args: infer A) => infer R
  ? { method(...args: LooseArgs<A>): LooseRet<R> }["method"]
  : F;

export type Api<T, K extends keyof T> = { [P in K]: Loosen<T[P]> };

/** A value a cell can hold. Empty cells read as "". */
export type CellValue = string | number | boolean | Date;
