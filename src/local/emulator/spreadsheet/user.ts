import { Base, instrument } from "./base";
import type { Ctx } from "./model";

export class UserImpl extends Base {
  constructor(
    c: Ctx,
    readonly _email: string,
  ) {
    super(c);
  }
  getEmail(): string {
    return this._email;
  }
  getUserLoginId(): string {
    return this._email;
  }
  override toString(): string {
    return this._email;
  }
}

instrument(UserImpl, "User");
