/**
 * Who someone is to the sheet, and what each role may do: the one place that decides. Every entry point
 * of the add-in (menu item, google.script.run endpoint, trigger) asks here before touching anything, and
 * a refusal says in Vietnamese who can do it instead.
 *
 * The roles (design notes, "Roles"):
 * - office: the account that ran the first setup (recorded by the adapter) plus the administrators in
 *   settings. Never inferred from the file's Drive owner: a shared-drive file has none.
 * - chairman: the chairman's address in settings; reads everything, approves or returns a report.
 * - staff: each unit's editors in settings; enter their own unit's rows while the period is open.
 * - upperLevel: the upper level's addresses; they get the report and the read-only copy, nothing in
 *   the main sheet.
 * In an upper level's own workbook ("cấp trên" mode, People.upper set) the roles are its office
 * (upperOffice: the setup account and the office members in its settings tab) and its leaders (leader),
 * and only the upper level's actions exist there; a commune's sheet has none of them.
 * A person may hold several roles (an office clerk who also enters for a unit). Pure: no Apps Script.
 */
import type { Plan } from "./plan";
import type { Settings } from "./settings";

export type Role = "office" | "chairman" | "staff" | "upperLevel" | "upperOffice" | "leader";

export interface People {
  /** Office addresses: the setup account first, then the administrators from settings. */
  office: string[];
  chairman: string;
  upperLevel: string[];
  /** unit id → its editors. */
  staff: Record<string, string[]>;
  /** Set in an upper level's workbook: the upper level's name ("UBND huyện Tứ Kỳ"). */
  upper?: string;
}

export interface Person {
  /** Lower-cased; "" when Google did not say who it is (then the person has no role at all). */
  email: string;
  roles: Role[];
  /** Units the person enters for (staff role). */
  units: string[];
}

/** What someone can ask the add-in to do. */
export type Action =
  | "setup"
  | "newYear"
  | "settings"
  | "check"
  | "rollupView"
  | "rollupWrite"
  | "send"
  | "copy"
  | "approve"
  | "approvalView"
  | "enter"
  | "status"
  | "help"
  | "upperSetup"
  | "upperSync"
  | "upperView"
  | "upperSend";

/** Who may do each action. Entering for a given unit is checked further by `mayEnter`. */
const ALLOWED: Record<Action, readonly Role[]> = {
  setup: ["office"],
  newYear: ["office"],
  settings: ["office"],
  check: ["office"],
  rollupView: ["office", "chairman"],
  rollupWrite: ["office"],
  send: ["office"],
  copy: ["office"],
  approve: ["chairman"],
  approvalView: ["office", "chairman"],
  enter: ["office", "staff"],
  status: ["office", "staff"],
  help: [],
  upperSetup: ["upperOffice"],
  upperSync: ["upperOffice"],
  upperView: ["upperOffice", "leader"],
  upperSend: ["upperOffice"],
};

const UPPER_ACTIONS: readonly Action[] = ["upperSetup", "upperSync", "upperView", "upperSend"];

function clean(email: string): string {
  return email.normalize("NFC").trim().toLowerCase();
}

/** The people of a sheet from its settings and the recorded setup account ("" when none yet). */
export function peopleOf(settings: Settings, setupAccount: string): People {
  const office: string[] = [];
  for (const e of [setupAccount, ...settings.adminEmails].map(clean)) {
    if (e !== "" && !office.includes(e)) office.push(e);
  }
  const staff: Record<string, string[]> = {};
  for (const [unit, list] of Object.entries(settings.unitEditors)) staff[unit] = list.map(clean);
  return {
    office,
    chairman: clean(settings.chairmanEmail),
    upperLevel: settings.upperLevelEmails.map(clean),
    staff,
  };
}

/** Someone's roles. A blank address (Google would not say) has none: it is never "everyone". */
export function personOf(email: string, people: People): Person {
  const me = clean(email);
  const person: Person = { email: me, roles: [], units: [] };
  if (me === "") return person;
  if (people.upper !== undefined) {
    if (people.office.includes(me)) person.roles.push("upperOffice");
    if (people.upperLevel.includes(me)) person.roles.push("leader");
    return person;
  }
  if (people.office.includes(me)) person.roles.push("office");
  if (people.chairman === me) person.roles.push("chairman");
  for (const [unit, list] of Object.entries(people.staff)) if (list.includes(me)) person.units.push(unit);
  if (person.units.length > 0) person.roles.push("staff");
  if (people.upperLevel.includes(me)) person.roles.push("upperLevel");
  return person;
}

export function hasRole(person: Person, role: Role): boolean {
  return person.roles.includes(role);
}

export function may(person: Person, action: Action): boolean {
  // The how-to is for anyone who can open the sheet: it holds nothing of the sheet's.
  if (action === "help") return true;
  return ALLOWED[action].some((r) => person.roles.includes(r));
}

/** Entering (or correcting) a unit's rows: the office, or that unit's staff. */
export function mayEnter(person: Person, unitId: string): boolean {
  return hasRole(person, "office") || person.units.includes(unitId);
}

function officeText(people: People): string {
  const office = people.upper !== undefined ? "văn phòng " + people.upper : "văn phòng UBND xã";
  return people.office.length > 0 ? office + " (" + people.office.join(", ") + ")" : office;
}

const VERB: Record<Action, string> = {
  setup: "mới thiết lập được bảng tính",
  newYear: "mới tạo được bảng tính kế hoạch năm mới",
  settings: "mới xem và sửa được cài đặt",
  check: "mới chạy được việc kiểm tra toàn bộ số liệu",
  rollupView: "mới xem được tổng hợp tháng",
  rollupWrite: "mới ghi được trang Tổng hợp",
  send: "mới gửi được báo cáo tháng",
  copy: "mới cập nhật được bản xem cho cấp trên",
  approve: "mới duyệt được báo cáo tháng",
  approvalView: "mới xem được báo cáo chờ duyệt",
  enter: "mới nhập được báo cáo",
  status: "mới xem được tình hình báo cáo",
  help: "mới xem được hướng dẫn",
  upperSetup: "mới thiết lập được bảng tổng hợp",
  upperSync: "mới nhận được số liệu các xã",
  upperView: "mới xem được báo cáo tổng hợp",
  upperSend: "mới gửi được báo cáo tổng hợp và lời nhắc",
};

/**
 * The refusal for an action, in Vietnamese, naming who can do it. Unit staff are never listed by
 * address (they see only their own unit's people); the office and the chairman are the contacts.
 */
export function refusal(action: Action, people: People, person: Person): string {
  const upperAction = UPPER_ACTIONS.includes(action);
  if (upperAction !== (people.upper !== undefined)) {
    return upperAction
      ? "Chỉ bảng tổng hợp của cấp trên mới có việc này; bảng tính này là bảng của xã."
      : "Chỉ bảng tính của xã mới có việc này; đây là bảng tổng hợp của cấp trên.";
  }
  const who = person.email === "" ? "Google không cho biết tài khoản của bạn. " : "";
  const roles = ALLOWED[action];
  const names: string[] = [];
  if (roles.includes("office") || roles.includes("upperOffice")) names.push(officeText(people));
  if (roles.includes("leader")) names.push("lãnh đạo " + people.upper);
  if (roles.includes("chairman")) {
    names.push("Chủ tịch UBND xã" + (people.chairman ? " (" + people.chairman + ")" : ""));
  }
  if (roles.includes("staff")) names.push("người được giao nhập liệu của các đơn vị");
  const last = names.pop() ?? "";
  const head = "Chỉ " + (names.length > 0 ? names.join(", ") + " và " : "") + last + " " + VERB[action] + ".";
  const ask =
    person.email === ""
      ? " Hãy đăng nhập đúng tài khoản Google đã được giao rồi mở lại bảng tính."
      : " Tài khoản " +
        person.email +
        " chưa được giao việc này; nếu cần, hãy nhờ " +
        officeText(people) +
        ".";
  return who + head + ask;
}

/** The refusal for entering into a unit one may not enter for. */
export function enterRefusal(unitName: string, people: People, person: Person): string {
  return (
    "Tài khoản " +
    (person.email || "(không xác định)") +
    ' không được giao nhập liệu cho "' +
    unitName +
    '". Chỉ người được giao của đơn vị đó và ' +
    officeText(people) +
    " mới nhập được. Hãy chọn đơn vị của mình, hoặc nhờ văn phòng thêm email của bạn trong Cài đặt."
  );
}

/** The units a person may enter for, in plan order. */
export function unitsFor(plan: Plan, person: Person): string[] {
  return plan.units.filter((u) => mayEnter(person, u.id)).map((u) => u.id);
}

/** What a person's role is called, for the pages ("Văn phòng", "Chủ tịch", …). */
export function roleNames(person: Person): string[] {
  const names: Record<Role, string> = {
    office: "Văn phòng UBND xã",
    chairman: "Chủ tịch UBND xã",
    staff: "Người nhập liệu",
    upperLevel: "Cấp trên",
    upperOffice: "Văn phòng cấp trên",
    leader: "Lãnh đạo cấp trên",
  };
  return person.roles.map((r) => names[r]);
}

export interface SetupClaim {
  /** The setup account recorded by an earlier setup, "" when none. */
  recorded: string;
  /** The file's Drive owner, "" in a shared drive. */
  driveOwner: string;
  caller: string;
  /** Administrators named in the settings. */
  admins: readonly string[];
  /** The add-in's tabs exist already: the sheet was set up before the account was recorded. */
  setUpBefore: boolean;
  /** The caller owns the add-in's triggers (only the account that installed them sees them). */
  callerRunsTriggers: boolean;
}

/**
 * Whether the caller may run setup. Once recorded, only the office may. Before that, the Drive owner
 * may; a file without one (shared drive) may be claimed by whoever sets it up first, but a sheet that
 * was set up before the account was recorded only by the account whose triggers run it — never by any
 * editor who happens to open the menu.
 */
export function mayClaimSetup(c: SetupClaim): boolean {
  const me = clean(c.caller);
  if (me === "") return false;
  if (c.admins.map(clean).includes(me)) return true;
  const recorded = clean(c.recorded);
  if (recorded !== "") return me === recorded;
  const owner = clean(c.driveOwner);
  if (owner !== "") return me === owner;
  return !c.setUpBefore || c.callerRunsTriggers;
}

export interface Access {
  /** Editors of the main sheet: the office, every unit's staff, and the chairman when he approves. */
  mainEditors: string[];
  /** Viewers of the main sheet: the chairman when reports go without his approval. */
  mainViewers: string[];
  /** Viewers of the upper level's read-only copy: the upper level and the chairman. */
  copyViewers: string[];
}

/**
 * Who the files are shared with, exactly as the settings say. The chairman who approves needs the menu,
 * which Google shows only to those who may edit the file: he is an editor of the file and of no tab
 * (protect.ts); a view-only chairman (or a commenter: the same for the menu) could not approve in the
 * sheet, so he views only when the settings send reports directly.
 */
export function accessOf(settings: Settings, office: readonly string[]): Access {
  const uniq = (list: string[]) => [...new Set(list.map(clean).filter((e) => e !== ""))];
  const chairman = clean(settings.chairmanEmail);
  const staff = Object.values(settings.unitEditors).flat();
  const mainEditors = uniq([...office, ...staff, ...(settings.approval === "chairman" ? [chairman] : [])]);
  const mainViewers = uniq(settings.approval === "direct" ? [chairman] : []).filter(
    (e) => !mainEditors.includes(e),
  );
  return { mainEditors, mainViewers, copyViewers: copyViewersOf(settings) };
}

/** Who views the read-only copy: the upper level, and the chairman, whose report links to it. */
export function copyViewersOf(settings: Settings): string[] {
  return [
    ...new Set([...settings.upperLevelEmails, settings.chairmanEmail].map(clean).filter((e) => e !== "")),
  ];
}
