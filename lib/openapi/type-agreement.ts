// A compile-time check that a zod schema describes exactly a DTO type, so
// the OpenAPI document (generated from the schema) and the code (typed by
// the DTO) cannot drift: a field added to one side only, a field made
// optional or nullable on one side only, fails `tsc`.

/** Intersections and nested objects flattened, so `A & B` and the merged object compare equal. */
type Flat<T> = T extends readonly (infer Item)[] ? Flat<Item>[] : T extends object ? { [K in keyof T]: Flat<T[K]> } : T;

/** True only when A and B are the same type (not merely assignable either way). */
export type Same<A, B> = (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false;

/** Fails to compile unless every member is `true`: `export type Checked = Agree<[Same<z.output<typeof s>, Dto>]>`. */
export type Agree<T extends true[]> = T;
