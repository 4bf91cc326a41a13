/**
 * The annual report's tables (国办公开办函〔2021〕30号 template, domain.md §2): row keys as editors
 * write them in content/reports/<year>.md, and the labels the report prints.
 */

/** Table 三's seven columns: 自然人, the five kinds of 法人或其他组织, 总计. */
export const TABLE3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"] as const;

/** Table 三's sub-items of （三）到（六）: group key → its label and its numbered rows. */
export const TABLE3_GROUPS = {
  withheld: {
    label: "（三）不予公开",
    rows: {
      state_secret: "1.属于国家秘密",
      prohibited: "2.其他法律行政法规禁止公开",
      three_safeties: "3.危及“三安全一稳定”",
      third_party: "4.保护第三方合法权益",
      internal_affairs: "5.属于三类内部事务信息",
      process_info: "6.属于四类过程性信息",
      enforcement_files: "7.属于行政执法案卷",
      query_items: "8.属于行政查询事项",
    },
  },
  unable: {
    label: "（四）无法提供",
    rows: {
      not_held: "1.本机关不掌握相关政府信息",
      needs_creation: "2.没有现成信息需要另行制作",
      still_unclear: "3.补正后申请内容仍不明确",
    },
  },
  not_processed: {
    label: "（五）不予处理",
    rows: {
      complaints: "1.信访举报投诉类申请",
      repeated: "2.重复申请",
      publications: "3.要求提供公开出版物",
      mass_requests: "4.无正当理由大量反复申请",
      confirmation: "5.要求行政机关确认或重新出具已获取信息",
    },
  },
  other: {
    label: "（六）其他处理",
    rows: {
      no_correction: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      no_fee: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      other: "3.其他",
    },
  },
} as const;

export type Table3Group = keyof typeof TABLE3_GROUPS;

/** Table 三's single rows, by key. */
export const TABLE3_ROWS = {
  received: "一、本年新收政府信息公开申请数量",
  carried_in: "二、上年结转政府信息公开申请数量",
  disclosed: "（一）予以公开",
  partly: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  total: "（七）总计",
  carried_forward: "四、结转下年度继续办理",
} as const;

/** Table 四: three blocks of five cells. */
export const TABLE4_BLOCKS = {
  review: "行政复议",
  litigation_direct: "行政诉讼（未经复议直接起诉）",
  litigation_after_review: "行政诉讼（复议后起诉）",
} as const;
export const TABLE4_CELLS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] as const;

/** Table 二's rows that editors enter (the 规章 and 行政规范性文件 rows are computed). */
export const TABLE2_MANUAL = {
  permits: { caption: "第二十条第（五）项", label: "行政许可", column: "本年处理决定数量" },
  penalties: { caption: "第二十条第（六）项", label: "行政处罚", column: "本年处理决定数量" },
  coercions: { caption: "第二十条第（六）项", label: "行政强制", column: "本年处理决定数量" },
  fees: { caption: "第二十条第（八）项", label: "行政事业性收费", column: "本年收费金额（单位：万元）" },
} as const;

/** The report's six sections, as the body's level-2 headings. */
export const REPORT_SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"] as const;
