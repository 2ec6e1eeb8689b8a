import { describe, expect, it } from "vitest";
import type { Action } from "../../src/core/roles";
import {
  accessOf,
  enterRefusal,
  may,
  mayClaimSetup,
  mayEnter,
  peopleOf,
  personOf,
  refusal,
} from "../../src/core/roles";
import { defaultSettings } from "../../src/core/settings";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

const OFFICE = "vanphong@quangkhai.example";
const CLERK = "vanthu@quangkhai.example";
const CHAIRMAN = "chutich@quangkhai.example";
const POLICE = "congan@quangkhai.example";
const DISTRICT = "lanhdao@tuky.example";

const settings = {
  ...defaultSettings(plan),
  chairmanEmail: CHAIRMAN,
  upperLevelEmails: [DISTRICT],
  adminEmails: [CLERK],
  unitEditors: { ...defaultSettings(plan).unitEditors, congAnXa: [POLICE] },
};
const people = peopleOf(settings, OFFICE);

const ACTIONS: Action[] = [
  "setup",
  "settings",
  "check",
  "rollupView",
  "rollupWrite",
  "send",
  "copy",
  "approve",
  "approvalView",
  "enter",
  "status",
  "help",
];

function allowed(email: string): Action[] {
  const person = personOf(email, people);
  return ACTIONS.filter((a) => may(person, a));
}

describe("roles", () => {
  it("give the office everything but approving, the chairman approval and reading, staff entry", () => {
    expect(allowed(OFFICE)).toEqual(ACTIONS.filter((a) => a !== "approve"));
    expect(allowed(CLERK)).toEqual(allowed(OFFICE));
    expect(allowed(CHAIRMAN)).toEqual(["rollupView", "approve", "approvalView", "help"]);
    expect(allowed(POLICE)).toEqual(["enter", "status", "help"]);
    expect(allowed(DISTRICT)).toEqual(["help"]);
    expect(allowed("nguoi.la@example.com")).toEqual(["help"]);
  });

  it("never give a role to a person Google did not name, even when no office is known", () => {
    const nobody = peopleOf(defaultSettings(plan), "");
    expect(nobody.office).toEqual([]);
    expect(personOf("", nobody).roles).toEqual([]);
    expect(personOf("", people).roles).toEqual([]);
    expect(personOf("  VanPhong@QuangKhai.Example ", people).roles).toEqual(["office"]);
  });

  it("let staff enter only their own unit, the office any", () => {
    expect(mayEnter(personOf(POLICE, people), "congAnXa")).toBe(true);
    expect(mayEnter(personOf(POLICE, people), "truongHoc")).toBe(false);
    expect(mayEnter(personOf(OFFICE, people), "truongHoc")).toBe(true);
    expect(mayEnter(personOf(CHAIRMAN, people), "congAnXa")).toBe(false);
  });

  it("refuse in Vietnamese, naming who can do it and never another unit's staff", () => {
    const text = refusal("send", people, personOf(POLICE, people));
    expect(text).toBe(
      `Chỉ văn phòng UBND xã (${OFFICE}, ${CLERK}) mới gửi được báo cáo tháng. Tài khoản ${POLICE} chưa được giao việc này; nếu cần, hãy nhờ văn phòng UBND xã (${OFFICE}, ${CLERK}).`,
    );
    expect(refusal("approve", people, personOf(OFFICE, people))).toContain(
      `Chỉ Chủ tịch UBND xã (${CHAIRMAN}) mới duyệt được báo cáo tháng.`,
    );
    expect(refusal("enter", people, personOf("", people))).toMatch(
      /^Google không cho biết tài khoản của bạn\./,
    );
    const other = enterRefusal("Trường học", people, personOf(POLICE, people));
    expect(other).toContain('không được giao nhập liệu cho "Trường học"');
    expect(other).not.toContain("truong");
  });

  it("let only the office run setup once recorded; before, the Drive owner, or the first caller of a new shared-drive file", () => {
    const base = { admins: [], setUpBefore: false, callerRunsTriggers: false };
    expect(mayClaimSetup({ ...base, recorded: OFFICE, driveOwner: "", caller: OFFICE })).toBe(true);
    expect(mayClaimSetup({ ...base, recorded: OFFICE, driveOwner: POLICE, caller: POLICE })).toBe(false);
    expect(mayClaimSetup({ ...base, recorded: OFFICE, driveOwner: "", caller: CLERK, admins: [CLERK] })).toBe(
      true,
    );
    expect(mayClaimSetup({ ...base, recorded: "", driveOwner: OFFICE, caller: POLICE })).toBe(false);
    expect(mayClaimSetup({ ...base, recorded: "", driveOwner: OFFICE, caller: OFFICE })).toBe(true);
    // A new file in a shared drive: whoever sets it up first becomes the office.
    expect(mayClaimSetup({ ...base, recorded: "", driveOwner: "", caller: POLICE })).toBe(true);
    // A shared-drive sheet set up before the office was recorded: only the account running its triggers.
    expect(mayClaimSetup({ ...base, setUpBefore: true, recorded: "", driveOwner: "", caller: POLICE })).toBe(
      false,
    );
    expect(
      mayClaimSetup({
        ...base,
        setUpBefore: true,
        callerRunsTriggers: true,
        recorded: "",
        driveOwner: "",
        caller: OFFICE,
      }),
    ).toBe(true);
    expect(mayClaimSetup({ ...base, recorded: "", driveOwner: "", caller: "" })).toBe(false);
  });

  it("share the main sheet with office, staff and an approving chairman; the copy with the upper level and the chairman", () => {
    expect(accessOf(settings, people.office)).toEqual({
      mainEditors: [OFFICE, CLERK, POLICE, CHAIRMAN],
      mainViewers: [],
      copyViewers: [DISTRICT, CHAIRMAN],
    });
    const direct = accessOf({ ...settings, approval: "direct" }, people.office);
    expect(direct.mainEditors).toEqual([OFFICE, CLERK, POLICE]);
    expect(direct.mainViewers).toEqual([CHAIRMAN]);
  });
});
