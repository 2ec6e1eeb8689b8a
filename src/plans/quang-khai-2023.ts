/**
 * The default plan: "Kế hoạch phòng, chống mại dâm năm 2023 trên địa bàn xã Quang Khải"
 * (UBND xã Quang Khải, huyện Tứ Kỳ, tỉnh Hải Dương, 15/3/2023). Comments cite the section of the
 * source document each choice comes from; where the document is silent the comment says so.
 */
import type { Plan } from "../core/plan";

/** Every unit answers this (section II.2, third target: 100 % of bodies integrate the plan → CT3). */
const ALL_UNITS = [
  "congAnXa",
  "vhxhLdtbxh",
  "tramYTe",
  "taiChinh",
  "vhxhVhtt",
  "truongHoc",
  "tuPhap",
  "daiTruyenThanh",
  "nganhKhac",
  "mttqDoanThe",
  "truongThon",
];

/**
 * Built on first use: Apps Script evaluates the whole bundle on every edit and menu click, and a literal
 * this size costs parse time each time; most executions that need it need it once.
 */
let built: Plan | undefined;
export function quangKhai2023Plan(): Plan {
  built ??= buildPlan();
  return built;
}

export const quangKhai2023: Plan = /* @__PURE__ */ quangKhai2023Plan();

function buildPlan(): Plan {
  return {
    id: "quang-khai-2023",
    title: "Kế hoạch phòng, chống mại dâm năm 2023 trên địa bàn xã Quang Khải",
    shortName: "Phòng, chống mại dâm 2023",
    commune: { level: "xã", name: "Quang Khải" },
    province: "Hải Dương",
    // Since 1/7/2025 there is no district level; this is only the default the 2023 plan names (settings
    // override it).
    upperLevel: "UBND huyện Tứ Kỳ",
    year: 2023,
    // The plan is dated 15/3/2023 and applies from then; year to date starts here.
    startDate: "2023-03-15",
    // The source leaves the number blank ("Số:       /KH-UBND").
    document: { number: "", symbol: "KH-UBND", date: "2023-03-15" },
    chairman: { title: "Chủ tịch", name: "Nguyễn Đức Thuận" },
    timeZone: "Asia/Ho_Chi_Minh",
    // Reporting regime of Nghị định 09/2019/NĐ-CP: 15th of the previous month to the 14th.
    periodRule: "cutoff",
    // Forms of activity: III.1 ("đa dạng hoá các hình thức tuyên truyền"), III.3 (kiểm tra), V.2 (tập huấn).
    forms: [
      "Tuyên truyền trực tiếp",
      "Hội nghị, họp",
      "Phát thanh",
      "Đăng tin trang điện tử",
      "Kiểm tra",
      "Tập huấn",
      "Văn bản, kế hoạch",
      "Hỗ trợ, tư vấn",
      "Khác",
    ],
    // "Nơi nhận" at the end of the document, in its order.
    recipients: [
      { label: "Lãnh đạo UBND huyện", role: "upperLevel" },
      { label: "Công an huyện", role: "upperLevel" },
      { label: "Phòng Lao động - Thương binh và Xã hội", role: "upperLevel" },
      { label: "BTV Đảng uỷ; Thường trực HĐND xã", role: "internal" },
      { label: "Chủ tịch, PCT UBND xã", role: "chairman" },
      { label: "Công chức UBND xã", role: "internal" },
      { label: "UB MTTQ và các đoàn thể", role: "internal" },
      { label: "Công an xã", role: "internal" },
      { label: "Các Trưởng thôn", role: "internal" },
      { label: "Lưu: VP", role: "internal" },
    ],

    // Section V: the eleven units responsible, in the document's order, tasks from their bullet points.
    units: [
      {
        id: "congAnXa",
        tabName: "Công an xã",
        name: "Công an xã",
        source: "V.1",
        tasks: [
          "Tham mưu, xây dựng và tổ chức thực hiện kế hoạch",
          "Hướng dẫn, đôn đốc, kiểm tra, phối hợp liên ngành",
          "Quản lý an ninh trật tự cơ sở kinh doanh dịch vụ",
          "Đấu tranh, triệt phá ổ nhóm, đường dây mại dâm",
          "Kiểm tra, xử lý vi phạm về phòng, chống mại dâm",
          // II.2 fifth target and III.3: receiving and handling denunciations is the police's work.
          "Tiếp nhận, xác minh, xử lý tin tố giác, tin báo",
          "Giúp người bán dâm tiếp cận dịch vụ hỗ trợ",
        ],
      },
      {
        id: "vhxhLdtbxh",
        tabName: "VH-XH LĐTBXH",
        name: "Công chức Văn hoá - Xã hội (phụ trách Lao động - Thương binh và Xã hội)",
        source: "V.2",
        tasks: [
          "Tuyên truyền, truyền thông về phòng, chống mại dâm",
          "Tập huấn, nâng cao năng lực cho cán bộ",
          "Đội kiểm tra liên ngành; kiểm tra cơ sở kinh doanh dịch vụ",
          "Giải pháp phòng ngừa; mô hình hỗ trợ trao quyền",
          "Phối hợp tuyên truyền, giáo dục học sinh",
          // III.2: bringing people who sell sex to support services goes through this official.
          "Hỗ trợ người bán dâm tiếp cận dịch vụ xã hội",
          "Báo cáo, giám sát, đánh giá",
        ],
      },
      {
        id: "tramYTe",
        tabName: "Trạm Y tế",
        name: "Trạm Y tế",
        source: "V.3",
        tasks: ["Can thiệp giảm hại về HIV/AIDS", "Khám sức khoẻ định kỳ nhân viên cơ sở kinh doanh dịch vụ"],
      },
      {
        id: "taiChinh",
        tabName: "Tài chính",
        name: "Công chức Tài chính - Kế toán xã",
        source: "V.4",
        tasks: [
          "Tham mưu bố trí ngân sách thực hiện kế hoạch",
          "Lồng ghép kinh phí với chương trình, đề án liên quan",
        ],
      },
      {
        id: "vhxhVhtt",
        tabName: "VH-TT",
        name: "Công chức Văn hoá - Xã hội (làm công tác Văn hoá - Thông tin - Thể dục thể thao)",
        source: "V.5",
        tasks: [
          "Văn nghệ, thể thao, sinh hoạt cộng đồng lành mạnh",
          "Thông tin, tuyên truyền; cảnh báo trang mạng nhạy cảm",
          "Đăng tin, bài trên Trang thông tin điện tử và Đài truyền thanh",
          "Lồng ghép phòng, chống HIV/AIDS, ma tuý, mại dâm",
          "Xây dựng gia đình, làng, khu dân cư văn hoá",
        ],
      },
      {
        id: "truongHoc",
        tabName: "Trường học",
        name: "Các trường học",
        source: "V.6",
        tasks: [
          "Tuyên truyền, giáo dục phòng, chống mại dâm cho học sinh",
          "Lồng ghép trong hoạt động trải nghiệm, ngoài giờ lên lớp",
          "Giáo dục đạo đức, lối sống, kỹ năng sống",
        ],
        subUnitLabel: "Trường",
        // The plan names no school. These are the usual three schools of a commune; adjust them here.
        subUnits: [
          { id: "mamNon", name: "Trường Mầm non Quang Khải" },
          { id: "tieuHoc", name: "Trường Tiểu học Quang Khải" },
          { id: "thcs", name: "Trường THCS Quang Khải" },
        ],
      },
      {
        id: "tuPhap",
        tabName: "Tư pháp",
        name: "Công chức Tư pháp - Hộ tịch",
        source: "V.7",
        tasks: ["Tuyên truyền, phổ biến, giáo dục pháp luật", "Đề xuất sửa đổi, bổ sung văn bản pháp luật"],
      },
      {
        id: "daiTruyenThanh",
        tabName: "Đài truyền thanh",
        name: "Đài truyền thanh xã",
        source: "V.8",
        tasks: [
          "Đưa nội dung phòng, chống mại dâm vào chương trình",
          "Nâng cao chất lượng, tăng thời lượng chương trình",
        ],
      },
      {
        id: "nganhKhac",
        tabName: "Ngành khác",
        name: "Các ngành, cán bộ, công chức khác có liên quan",
        source: "V.9",
        tasks: [
          "Xây dựng, triển khai kế hoạch của ngành, đơn vị",
          "Bố trí kinh phí cho công tác phòng, chống mại dâm",
        ],
      },
      {
        id: "mttqDoanThe",
        tabName: "MTTQ-Đoàn thể",
        name: "Uỷ ban MTTQ xã và các tổ chức chính trị - xã hội",
        source: "V.10",
        tasks: [
          "Chỉ đạo hội viên, đoàn viên tuyên truyền, vận động",
          "Lồng ghép với phong trào gia đình văn hoá, nông thôn mới",
        ],
      },
      {
        id: "truongThon",
        tabName: "Trưởng thôn",
        name: "Các trưởng thôn",
        source: "V.11",
        tasks: [
          "Triển khai nhiệm vụ, giải pháp phù hợp với thôn",
          "Quản lý địa bàn, đối tượng; phối hợp kiểm tra cơ sở",
          "Tuyên truyền trên hệ thống loa của thôn",
          "Lồng ghép vào sinh hoạt thôn, câu lạc bộ, mô hình",
          "Hỗ trợ hoà nhập cộng đồng cho người bán dâm",
        ],
        subUnitLabel: "Thôn",
        // The plan names no village. Placeholders: replace them with the commune's real thôn before use.
        subUnits: [
          { id: "thon1", name: "Thôn 1" },
          { id: "thon2", name: "Thôn 2" },
          { id: "thon3", name: "Thôn 3" },
          { id: "thon4", name: "Thôn 4" },
          { id: "thon5", name: "Thôn 5" },
          { id: "thon6", name: "Thôn 6" },
        ],
      },
    ],

    // Data elements: aggregate counts only, never a name (the people concerned are sensitive personal data).
    elements: [
      {
        id: "coKeHoachLongGhep",
        label: "Đã có kế hoạch lồng ghép",
        measure: "Có/Không",
        kind: "stock",
        valueType: "yesno",
        unitIds: ALL_UNITS,
        helpText:
          "Đơn vị đã xây dựng kế hoạch lồng ghép nhiệm vụ phòng, chống mại dâm với nhiệm vụ chuyên môn chưa?",
        source: "II.2 (CT3), III.2",
      },
      {
        id: "coSoKinhDoanh",
        label: "Cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn",
        measure: "cơ sở",
        kind: "stock",
        valueType: "whole",
        unitIds: ["congAnXa"],
        helpText: "Số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm đang hoạt động trên địa bàn.",
        // A commune has a handful to a few dozen karaoke bars, guesthouses and massage parlours; 200 leaves
        // room for one on a highway or in a town.
        max: { value: 200, reason: "số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn trên địa bàn một xã" },
        source: "V.1",
      },
      {
        id: "laoDongCoSo",
        label: "Tổng số người lao động tại cơ sở kinh doanh dịch vụ",
        measure: "người",
        kind: "stock",
        valueType: "whole",
        unitIds: ["congAnXa"],
        helpText: "Tổng số người lao động đang làm việc tại các cơ sở đó.",
        // Workers of those businesses: a few each, a few hundred in all; 5,000 is far above any commune.
        max: { value: 5_000, reason: "số người lao động tại các cơ sở kinh doanh dịch vụ của một xã" },
        source: "II.2 (CT2a), V.1",
      },
      {
        id: "laoDongCoSoTuyenTruyen",
        label: "Người lao động tại cơ sở được tuyên truyền",
        measure: "người",
        kind: "flow",
        valueType: "whole",
        unitIds: ["congAnXa"],
        helpText:
          "Số người lao động tại cơ sở kinh doanh dịch vụ được tuyên truyền lần đầu trong năm (không đếm lại người đã tính).",
        // Cannot exceed the workers of those businesses (the bound above).
        max: { value: 5_000, reason: "số người lao động tại các cơ sở kinh doanh dịch vụ của một xã" },
        source: "II.2 (CT2a)",
      },
      {
        id: "luotKiemTra",
        label: "Lượt kiểm tra cơ sở kinh doanh dịch vụ",
        measure: "lượt",
        kind: "flow",
        valueType: "whole",
        unitIds: ["congAnXa", "vhxhLdtbxh"],
        helpText: "Số lượt kiểm tra cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm.",
        // One inspection round visits at most every business on the territory (the bound on businesses).
        max: { value: 200, reason: "một lần kiểm tra không quá số cơ sở trên địa bàn một xã" },
        source: "III.3, V.1, V.2",
      },
      {
        id: "tinTiepNhan",
        label: "Tin tố giác, tin báo, khiếu nại tiếp nhận",
        measure: "tin",
        kind: "flow",
        valueType: "whole",
        unitIds: ["congAnXa"],
        helpText: "Số tin tố giác, tin báo, khiếu nại về mại dâm được tiếp nhận. Nhập 0 nếu không có.",
        // A commune receives a few denunciations a year; 500 in one row is already impossible.
        max: { value: 500, reason: "số tin tố giác, tin báo, khiếu nại một xã tiếp nhận trong một lần ghi" },
        source: "II.2 (CT5)",
      },
      {
        id: "tinXuLyKipThoi",
        label: "Tin được xử lý kịp thời",
        measure: "tin",
        kind: "flow",
        valueType: "whole",
        unitIds: ["congAnXa"],
        helpText:
          "Số tin trong số tin đã tiếp nhận được xác minh, phân loại và xử lý kịp thời. Nhập 0 nếu không có.",
        // Cannot exceed the denunciations received (the bound above).
        max: { value: 500, reason: "số tin tố giác, tin báo, khiếu nại một xã tiếp nhận trong một lần ghi" },
        source: "II.2 (CT5)",
      },
      {
        id: "laoDongCongTy",
        label: "Tổng số người lao động trong các công ty",
        measure: "người",
        kind: "stock",
        valueType: "whole",
        unitIds: ["vhxhLdtbxh"],
        helpText: "Tổng số người lao động đang làm việc trong các công ty trên địa bàn.",
        // Companies of a commune, an industrial cluster included: a large factory in Hải Dương employs up to
        // about 10,000; 50,000 covers several.
        max: {
          value: 50_000,
          reason: "số người lao động trong các công ty trên địa bàn một xã, kể cả cụm công nghiệp",
        },
        source: "II.2 (CT2b)",
      },
      {
        id: "laoDongCongTyTuyenTruyen",
        label: "Người lao động trong công ty được tuyên truyền",
        measure: "người",
        kind: "flow",
        valueType: "whole",
        unitIds: ["vhxhLdtbxh"],
        helpText:
          "Số người lao động trong các công ty được tuyên truyền lần đầu trong năm (không đếm lại người đã tính).",
        // Cannot exceed the company workers (the bound above).
        max: {
          value: 50_000,
          reason: "số người lao động trong các công ty trên địa bàn một xã, kể cả cụm công nghiệp",
        },
        source: "II.2 (CT2b)",
      },
      {
        id: "canBoLienQuan",
        label: "Tổng số cán bộ, công chức liên quan",
        measure: "người",
        kind: "stock",
        valueType: "whole",
        unitIds: ["vhxhLdtbxh"],
        helpText:
          "Tổng số cán bộ, công chức xã và của cơ quan, tổ chức có liên quan đến phòng, chống mại dâm.",
        // A commune's officials (about 20–25) with the staff of its police, health station, schools and mass
        // organisations: a few hundred.
        max: {
          value: 1_000,
          reason: "số cán bộ, công chức xã và của các cơ quan, tổ chức liên quan trên địa bàn",
        },
        source: "II.2 (CT4)",
      },
      {
        id: "canBoTapHuan",
        label: "Cán bộ, công chức được tập huấn",
        measure: "người",
        kind: "flow",
        valueType: "whole",
        unitIds: ["vhxhLdtbxh"],
        helpText:
          "Số cán bộ, công chức được đào tạo, bồi dưỡng, tập huấn lần đầu trong năm (không đếm lại người đã tính).",
        // Cannot exceed the officials concerned (the bound above).
        max: {
          value: 1_000,
          reason: "số cán bộ, công chức xã và của các cơ quan, tổ chức liên quan trên địa bàn",
        },
        source: "II.2 (CT4), V.2",
      },
      {
        id: "nguoiCanHoTro",
        label: "Người bán dâm có nhu cầu, đủ điều kiện hỗ trợ",
        measure: "người",
        kind: "flow",
        valueType: "whole",
        unitIds: ["vhxhLdtbxh"],
        helpText:
          "Số người mới được xác định có nhu cầu và đủ điều kiện hỗ trợ trong lần này. Chỉ ghi số, không ghi tên. Nhập 0 nếu không có.",
        // A commune identifies a few people in need a year, if any.
        max: { value: 200, reason: "số người bán dâm cần hỗ trợ mà một xã xác định trong một lần ghi" },
        source: "II.2 (CT6)",
      },
      {
        id: "nguoiDuocHoTro",
        label: "Người bán dâm được tiếp cận dịch vụ hỗ trợ",
        measure: "người",
        kind: "flow",
        valueType: "whole",
        unitIds: ["vhxhLdtbxh"],
        helpText:
          "Số người (trong số trên) lần đầu được tiếp cận, sử dụng dịch vụ hỗ trợ xã hội. Chỉ ghi số, không ghi tên.",
        // Cannot exceed the people in need (the bound above).
        max: { value: 200, reason: "số người bán dâm cần hỗ trợ mà một xã xác định trong một lần ghi" },
        source: "II.2 (CT6), III.2",
      },
      {
        id: "luotKhamSucKhoe",
        label: "Lượt khám sức khoẻ định kỳ nhân viên cơ sở",
        measure: "lượt",
        kind: "flow",
        valueType: "whole",
        unitIds: ["tramYTe"],
        helpText: "Số lượt nhân viên cơ sở kinh doanh dịch vụ được khám sức khoẻ định kỳ.",
        // Check-ups of the businesses' staff: bounded by their workers (see laoDongCoSo).
        max: { value: 5_000, reason: "số người lao động tại các cơ sở kinh doanh dịch vụ của một xã" },
        source: "V.3",
      },
      {
        id: "kinhPhi",
        label: "Kinh phí đã bố trí",
        measure: "đồng",
        kind: "flow",
        valueType: "money",
        unitIds: ["taiChinh", "nganhKhac"],
        helpText: "Số tiền đã bố trí cho công tác phòng, chống mại dâm.",
        // Section IV funds the plan from the commune budget: a few to some tens of millions đồng a year. 300
        // million is ten times that and below every mobile number read as a figure (032… is 320 million).
        max: {
          value: 300_000_000,
          reason: "kinh phí bố trí một lần cho công tác phòng, chống mại dâm của một xã",
        },
        source: "IV, V.4, V.9",
      },
      {
        id: "tinBaiTruyenThanh",
        label: "Tin, bài phát trên hệ thống truyền thanh xã",
        measure: "tin, bài",
        kind: "flow",
        valueType: "whole",
        unitIds: ["daiTruyenThanh", "vhxhVhtt"],
        helpText:
          "Số tin, bài về phòng, chống mại dâm đã phát trên hệ thống truyền thanh của xã. Mỗi tin chỉ một đơn vị ghi.",
        // Even a month's broadcasts entered in one row, three a day, stay under 100.
        max: { value: 200, reason: "số tin, bài trong một lần ghi, kể cả ghi gộp cả tháng" },
        source: "II.2 (CT1a), V.5, V.8",
      },
      {
        id: "tinBaiTrangDienTu",
        label: "Tin, bài đăng trên Trang thông tin điện tử xã",
        measure: "tin, bài",
        kind: "flow",
        valueType: "whole",
        unitIds: ["vhxhVhtt"],
        helpText: "Số tin, bài về phòng, chống mại dâm đã đăng trên Trang thông tin điện tử của UBND xã.",
        // As for broadcasts: a month's posts in one row stay well under 100.
        max: { value: 200, reason: "số tin, bài trong một lần ghi, kể cả ghi gộp cả tháng" },
        source: "II.2 (CT1b), V.5",
      },
      {
        id: "hocSinh",
        label: "Tổng số học sinh",
        measure: "người",
        kind: "stock",
        valueType: "whole",
        unitIds: ["truongHoc"],
        helpText: "Tổng số học sinh của trường đã chọn. Nhập khi đầu năm học hoặc khi có thay đổi.",
        // One school of a commune (mầm non, tiểu học, THCS) has a few hundred to about 1,500 pupils.
        max: { value: 5_000, reason: "số học sinh của một trường trên địa bàn xã" },
        source: "II.2 (CT2c)",
      },
      {
        id: "hocSinhTuyenTruyen",
        label: "Học sinh được tuyên truyền",
        measure: "người",
        kind: "flow",
        valueType: "whole",
        unitIds: ["truongHoc"],
        helpText:
          "Số học sinh của trường được tuyên truyền lần đầu trong năm (không đếm lại học sinh đã tính).",
        // Cannot exceed the pupils of the school (the bound above).
        max: { value: 5_000, reason: "số học sinh của một trường trên địa bàn xã" },
        source: "II.2 (CT2c), V.6",
      },
      {
        id: "luotNguoiDuocTuyenTruyen",
        label: "Lượt người dân được tuyên truyền",
        measure: "lượt người",
        kind: "flow",
        valueType: "whole",
        unitIds: ["vhxhLdtbxh", "tramYTe", "vhxhVhtt", "tuPhap", "nganhKhac", "mttqDoanThe", "truongThon"],
        helpText: "Số lượt người dân tham dự buổi tuyên truyền, hội nghị, sinh hoạt.",
        // A commune has 10,000–30,000 people (up to about 50,000 after the 2025 mergers); one activity cannot
        // reach more.
        max: { value: 50_000, reason: "số dân của một xã" },
        source: "II.2 (first target), V.7, V.10, V.11",
      },
      {
        id: "buoiLoaThon",
        label: "Buổi tuyên truyền trên loa thôn",
        measure: "buổi",
        kind: "flow",
        valueType: "whole",
        unitIds: ["truongThon"],
        helpText: "Số buổi phát nội dung phòng, chống mại dâm trên hệ thống loa của thôn.",
        // A village's loudspeakers: even a month entered in one row stays under 100 sessions.
        max: { value: 200, reason: "số buổi phát trên loa thôn trong một lần ghi, kể cả ghi gộp cả tháng" },
        source: "V.11",
      },
    ],

    // Section II.2, "Các chỉ tiêu cụ thể", in the document's order (ids as in DESIGN.md).
    indicators: [
      {
        kind: "frequency",
        id: "CT1a",
        label:
          "Thông tin về phòng, chống mại dâm được đăng tải trên hệ thống truyền thanh của xã ít nhất một tháng một lần",
        shortLabel: "Tin, bài trên truyền thanh xã",
        elementId: "tinBaiTruyenThanh",
        minPerMonth: 1,
        source: "II.2 gạch đầu dòng 1",
      },
      {
        kind: "frequency",
        id: "CT1b",
        label:
          "Thông tin về phòng, chống mại dâm được đăng tải trên Trang thông tin điện tử của UBND xã ít nhất một tháng một lần",
        shortLabel: "Tin, bài trên Trang thông tin điện tử",
        elementId: "tinBaiTrangDienTu",
        minPerMonth: 1,
        source: "II.2 gạch đầu dòng 1",
      },
      {
        kind: "percentage",
        id: "CT2a",
        label:
          "Ít nhất 30% người lao động tại các cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm được tuyên truyền",
        shortLabel: "Lao động tại cơ sở KDDV được tuyên truyền",
        numerator: { kind: "sum", elementId: "laoDongCoSoTuyenTruyen" },
        denominator: { kind: "sum", elementId: "laoDongCoSo" },
        target: { op: ">=", value: 30 },
        // No such business on the territory means nothing to do, not a failure.
        onZeroDenominator: "notApplicable",
        prorate: true,
        source: "II.2 gạch đầu dòng 2",
      },
      {
        kind: "percentage",
        id: "CT2b",
        label: "Ít nhất 30% người lao động trong các công ty được tuyên truyền",
        shortLabel: "Lao động trong công ty được tuyên truyền",
        numerator: { kind: "sum", elementId: "laoDongCongTyTuyenTruyen" },
        denominator: { kind: "sum", elementId: "laoDongCongTy" },
        target: { op: ">=", value: 30 },
        onZeroDenominator: "notApplicable",
        prorate: true,
        source: "II.2 gạch đầu dòng 2",
      },
      {
        kind: "percentage",
        id: "CT2c",
        label: "Ít nhất 30% học sinh các trường trên địa bàn xã được tuyên truyền",
        shortLabel: "Học sinh được tuyên truyền",
        numerator: { kind: "sum", elementId: "hocSinhTuyenTruyen" },
        denominator: { kind: "sum", elementId: "hocSinh" },
        target: { op: ">=", value: 30 },
        // The schools exist: a total of 0 students means the figure has not been entered properly.
        onZeroDenominator: "missingData",
        prorate: true,
        source: "II.2 gạch đầu dòng 2",
      },
      {
        kind: "percentage",
        id: "CT3",
        label:
          "100% các ngành, cơ quan, tổ chức chính trị - xã hội xây dựng kế hoạch lồng ghép nhiệm vụ phòng, chống mại dâm",
        shortLabel: "Đơn vị có kế hoạch lồng ghép",
        numerator: { kind: "unitsYes", elementId: "coKeHoachLongGhep" },
        denominator: { kind: "unitsExpected", elementId: "coKeHoachLongGhep" },
        target: { op: "=", value: 100 },
        onZeroDenominator: "missingData",
        prorate: false,
        source: "II.2 gạch đầu dòng 3",
      },
      {
        kind: "percentage",
        id: "CT4",
        label:
          "Ít nhất 20% cán bộ, công chức xã, các cơ quan, tổ chức có liên quan được đào tạo, bồi dưỡng, tập huấn",
        shortLabel: "Cán bộ, công chức được tập huấn",
        numerator: { kind: "sum", elementId: "canBoTapHuan" },
        denominator: { kind: "sum", elementId: "canBoLienQuan" },
        target: { op: ">=", value: 20 },
        onZeroDenominator: "missingData",
        prorate: true,
        source: "II.2 gạch đầu dòng 4",
      },
      {
        kind: "percentage",
        id: "CT5",
        label:
          "100% tin tố giác, tin báo, khiếu nại hành vi vi phạm pháp luật về phòng, chống mại dâm được tiếp nhận, xử lý kịp thời",
        shortLabel: "Tin tố giác, tin báo được xử lý kịp thời",
        numerator: { kind: "sum", elementId: "tinXuLyKipThoi" },
        denominator: { kind: "sum", elementId: "tinTiepNhan" },
        target: { op: "=", value: 100 },
        // No report received: nothing to handle.
        onZeroDenominator: "notApplicable",
        prorate: false,
        source: "II.2 gạch đầu dòng 5",
      },
      {
        kind: "percentage",
        id: "CT6",
        label:
          "Phấn đấu 60% người bán dâm có nhu cầu và đủ điều kiện được tiếp cận, sử dụng các dịch vụ hỗ trợ xã hội (nếu có)",
        shortLabel: "Người bán dâm được tiếp cận dịch vụ hỗ trợ",
        numerator: { kind: "sum", elementId: "nguoiDuocHoTro" },
        denominator: { kind: "sum", elementId: "nguoiCanHoTro" },
        target: { op: ">=", value: 60 },
        // The plan's "(nếu có)": nobody in need is "Không phát sinh".
        onZeroDenominator: "notApplicable",
        prorate: false,
        source: "II.2 gạch đầu dòng 6",
      },
    ],

    // Cross-field checks over a unit's totals; warnings where double counting by mistake is likely.
    rules: [
      {
        id: "xuLyNhoHonTiepNhan",
        left: "tinXuLyKipThoi",
        op: "<=",
        right: "tinTiepNhan",
        severity: "error",
        message: "Số tin xử lý kịp thời không được lớn hơn số tin tiếp nhận",
      },
      {
        id: "laoDongCoSoTuyenTruyenToiDa",
        left: "laoDongCoSoTuyenTruyen",
        op: "<=",
        right: "laoDongCoSo",
        severity: "warning",
        message: "Số người lao động tại cơ sở được tuyên truyền lớn hơn tổng số người lao động tại cơ sở",
      },
      {
        id: "laoDongCongTyTuyenTruyenToiDa",
        left: "laoDongCongTyTuyenTruyen",
        op: "<=",
        right: "laoDongCongTy",
        severity: "warning",
        message:
          "Số người lao động trong công ty được tuyên truyền lớn hơn tổng số người lao động trong công ty",
      },
      {
        id: "hocSinhTuyenTruyenToiDa",
        left: "hocSinhTuyenTruyen",
        op: "<=",
        right: "hocSinh",
        severity: "warning",
        message: "Số học sinh được tuyên truyền lớn hơn tổng số học sinh",
      },
      {
        id: "canBoTapHuanToiDa",
        left: "canBoTapHuan",
        op: "<=",
        right: "canBoLienQuan",
        severity: "warning",
        message: "Số cán bộ, công chức được tập huấn lớn hơn tổng số cán bộ, công chức liên quan",
      },
      {
        id: "hoTroToiDa",
        left: "nguoiDuocHoTro",
        op: "<=",
        right: "nguoiCanHoTro",
        severity: "warning",
        message: "Số người được tiếp cận dịch vụ hỗ trợ lớn hơn số người có nhu cầu, đủ điều kiện",
      },
    ],
  };
}
