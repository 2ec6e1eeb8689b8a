/**
 * An .xlsx date has no time zone: it is a wall-clock date and time. exceljs hands it over (and takes it)
 * as a JavaScript Date whose UTC fields are that wall clock. The add-in's cells hold instants (midnight
 * in Asia/Ho_Chi_Minh for a date), so crossing between the two shifts by Vietnam's offset, which has
 * been UTC+7 without daylight saving since 1975.
 */
export const VN_OFFSET_MS = 7 * 3600 * 1000;

/** An .xlsx wall-clock date (UTC fields) → the instant of that wall-clock time in Vietnam. */
export function fromWallClock(d: Date): Date {
  return new Date(d.getTime() - VN_OFFSET_MS);
}

/** An instant → the Date whose UTC fields are the wall clock in Vietnam, as exceljs writes it. */
export function toWallClock(instant: Date): Date {
  return new Date(instant.getTime() + VN_OFFSET_MS);
}
