// PropertiesService, LockService, MailApp, Utilities: the stores, locks, mail and helpers the add-in uses.
import { type ContractCase, json, OWNER, thrown } from "../case";

const QUOTAS = "https://developers.google.com/apps-script/guides/services/quotas";
const LOCK_TEST = "https://github.com/brucemcpherson/gas-fakes/blob/main/test/testlock.js";
const PROPERTIES = "https://developers.google.com/apps-script/reference/properties/properties";

export const serviceCases: ContractCase[] = [
  {
    id: "properties.set-many",
    behaviour: "setProperties writes every key of the object in one call and keeps the store's other keys",
    source: `${PROPERTIES}#setProperties(Object)`,
    note: '"Sets all key-value pairs from the given object in the current Properties store." The form with deleteAllOthers is the one that drops the rest.',
    covers: [
      "PropertiesService.getDocumentProperties",
      "Properties.setProperties",
      "Properties.getProperties",
    ],
    run(gas) {
      const props = gas.PropertiesService.getDocumentProperties();
      props.setProperty("settings", "{}");
      props.setProperties({ "plan.0": '{"year":2023', "plan.1": "}" });
      const all = json(props.getProperties());
      // The recorder runs every case in one project: leave its store as it was.
      for (const key of ["settings", "plan.0", "plan.1"]) props.deleteProperty(key);
      return all;
    },
    expected: { settings: "{}", "plan.0": '{"year":2023', "plan.1": "}" },
  },
  {
    id: "properties.strings-and-null",
    behaviour:
      "Properties store strings (a number comes back as its text), getProperty of an unknown key is null, getProperties is a copy, deleteProperty removes one",
    source: `${PROPERTIES}#getProperty(String)`,
    covers: [
      "PropertiesService.getDocumentProperties",
      "Properties.setProperty",
      "Properties.getProperty",
      "Properties.getProperties",
      "Properties.deleteProperty",
    ],
    run(gas) {
      const props = gas.PropertiesService.getDocumentProperties();
      props.setProperty("n", 202304 as unknown as string).setProperty("k", "v");
      const copy = props.getProperties();
      copy.k = "changed";
      const before = [props.getProperty("n"), props.getProperty("unknown"), props.getProperty("k")];
      props.deleteProperty("n");
      return { before: json(before), after: json(props.getProperties()) };
    },
    expected: { before: ["202304", null, "v"], after: { k: "v" } },
  },
  {
    id: "properties.limits",
    behaviour: "A property value over 9 KB is refused; a store holds at most 500 KB",
    source: QUOTAS,
    note: 'Quotas: "Properties value size 9 KB / val", "Properties total storage 500 KB / property store".',
    covers: ["PropertiesService.getScriptProperties", "Properties.setProperty", "Properties.deleteProperty"],
    run(gas) {
      const props = gas.PropertiesService.getScriptProperties();
      const fits = "x".repeat(9 * 1024 - 10);
      props.setProperty("fits", fits);
      const tooBig = thrown(() => props.setProperty("big", "x".repeat(9 * 1024 + 10)));
      let refusedAt = 0;
      for (let i = 0; i < 60 && refusedAt === 0; i++) {
        if (thrown(() => props.setProperty(`fill${i}`, fits)) !== "no error") refusedAt = i;
      }
      for (let i = 0; i < 60; i++) props.deleteProperty(`fill${i}`);
      props.deleteProperty("fits");
      return {
        fits: true,
        tooBigRefused: tooBig !== "no error",
        storeFullAfter: refusedAt > 50 && refusedAt < 56,
      };
    },
    expected: { fits: true, tooBigRefused: true, storeFullAfter: true },
  },
  {
    id: "lock.try-and-release",
    behaviour:
      "tryLock acquires a free lock (again true while held); releaseLock lets it go; a negative timeout fails: tryLock false, waitLock throws 'Lock timeout'",
    source: `${LOCK_TEST}#L20-L76`,
    covers: [
      "LockService.getScriptLock",
      "LockService.getDocumentLock",
      "Lock.tryLock",
      "Lock.hasLock",
      "Lock.releaseLock",
      "Lock.waitLock",
    ],
    run(gas) {
      const lock = gas.LockService.getScriptLock();
      const first = [lock.hasLock(), lock.tryLock(10000), lock.tryLock(10000), lock.hasLock()];
      lock.releaseLock();
      const released = lock.hasLock();
      const negative = [lock.tryLock(-100), lock.hasLock()];
      const wait = thrown(() => lock.waitLock(-100));
      const doc = gas.LockService.getDocumentLock();
      const docLock = doc.tryLock(0);
      doc.releaseLock();
      return { first, released, negative, wait: /Lock timeout/.test(wait), docLock };
    },
    expected: {
      first: [false, true, true, true],
      released: false,
      negative: [false, false],
      wait: true,
      docLock: true,
    },
  },
  {
    id: "lock.waits-for-another-execution",
    behaviour:
      "While another execution holds the lock, tryLock(ms) waits that long and returns false, waitLock(ms) throws; once the other lets go it is acquired",
    source: "https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)",
    covers: ["LockService.getScriptLock", "Lock.tryLock", "Lock.waitLock"],
    manual: "Hold the script lock in one execution (sleep 60 s) and try it from another.",
    run(gas, world) {
      const release = world.locks.hold("script");
      const lock = gas.LockService.getScriptLock();
      const start = world.now().getTime();
      const tried = lock.tryLock(5000);
      const waited = world.now().getTime() - start;
      const waitLock = thrown(() => lock.waitLock(1000));
      release();
      return { tried, waited, waitLock, afterRelease: lock.tryLock(1000) };
    },
    expected: {
      tried: false,
      waited: 5000,
      waitLock: "Lock timeout: another process was holding the lock for too long.",
      afterRelease: true,
    },
  },
  {
    id: "mail.send-and-quota",
    behaviour:
      "sendEmail(message) sends to every recipient (to, cc, bcc) and each one uses one of the day's quota, as getRemainingDailyQuota shows",
    source: "https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()",
    note: `Quotas: 100 recipients a day for consumer accounts, 1,500 for Workspace (${QUOTAS}).`,
    covers: ["MailApp.sendEmail", "MailApp.getRemainingDailyQuota"],
    manual: "Send one mail to yourself with one cc: the remaining quota drops by 2.",
    run(gas, world) {
      const before = gas.MailApp.getRemainingDailyQuota();
      gas.MailApp.sendEmail({
        to: OWNER,
        cc: "chair@school.example",
        bcc: "district@other.example",
        subject: "Báo cáo tháng 4/2023",
        body: "Xem tệp đính kèm.",
        htmlBody: "<p>Xem tệp đính kèm.</p>",
        name: "Văn phòng",
      });
      const sent = world.outbox[world.outbox.length - 1]!;
      return {
        used: before - gas.MailApp.getRemainingDailyQuota(),
        sent: [sent.to.join(","), sent.cc.join(","), sent.bcc.join(","), sent.subject, sent.from],
      };
    },
    expected: {
      used: 3,
      sent: [OWNER, "chair@school.example", "district@other.example", "Báo cáo tháng 4/2023", OWNER],
    },
  },
  {
    id: "mail.quota-exhausted",
    behaviour: "Past the day's quota sendEmail fails with Google's message and sends nothing",
    source: QUOTAS,
    covers: ["MailApp.sendEmail", "MailApp.getRemainingDailyQuota"],
    world: { mailQuota: 2 },
    manual: "Only observable by using up a day's quota.",
    run(gas, world) {
      gas.MailApp.sendEmail(OWNER, "1", "b");
      const error = thrown(() => gas.MailApp.sendEmail(`${OWNER},chair@school.example`, "2", "b"));
      return { error, sent: world.outbox.map((m) => m.subject), left: gas.MailApp.getRemainingDailyQuota() };
    },
    expected: { error: "Service invoked too many times for one day: email.", sent: ["1"], left: 1 },
  },
  {
    id: "utilities.uuid-and-format-date",
    behaviour:
      "getUuid gives a new RFC 4122 UUID each call; formatDate writes a date on a zone's clock with a SimpleDateFormat pattern",
    source: "https://developers.google.com/apps-script/reference/utilities/utilities#getUuid()",
    covers: ["Utilities.getUuid", "Utilities.formatDate"],
    run(gas) {
      const a = gas.Utilities.getUuid();
      const b = gas.Utilities.getUuid();
      const d = new Date("2023-04-14T17:30:00Z");
      return {
        uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(a) && a !== b,
        hanoi: gas.Utilities.formatDate(d, "Asia/Ho_Chi_Minh", "dd/MM/yyyy HH:mm"),
        utc: gas.Utilities.formatDate(d, "UTC", "yyyy-MM-dd'T'HH:mm"),
      };
    },
    expected: { uuid: true, hanoi: "15/04/2023 00:30", utc: "2023-04-14T17:30" },
  },
];
