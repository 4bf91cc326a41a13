/**
 * The categories of 法定主动公开内容 (《政府信息公开条例》2019 第二十条), with the ASCII key of each
 * category's page on an organ's 公开平台 (/open/<organ>/statutory/<key>/).
 */
export const ARTICLE_20 = [
  { key: "rules", item: "（一）", name: "规章和规范性文件" },
  { key: "functions", item: "（二）", name: "机构职能" },
  { key: "plans", item: "（三）", name: "规划" },
  { key: "statistics", item: "（四）", name: "统计信息" },
  { key: "permits", item: "（五）", name: "行政许可和对外管理服务" },
  { key: "penalties", item: "（六）", name: "行政处罚和行政强制" },
  { key: "budgets", item: "（七）", name: "财政预决算" },
  { key: "fees", item: "（八）", name: "行政事业性收费" },
  { key: "procurement", item: "（九）", name: "政府集中采购" },
  { key: "projects", item: "（十）", name: "重大建设项目" },
  { key: "welfare", item: "（十一）", name: "扶贫、教育、医疗、社会保障、促进就业" },
  { key: "emergencies", item: "（十二）", name: "突发公共事件应急" },
  { key: "inspections", item: "（十三）", name: "监督检查" },
  { key: "recruitment", item: "（十四）", name: "公务员招考" },
  { key: "other", item: "（十五）", name: "其他法定主动公开信息" },
] as const;

export type Article20Name = (typeof ARTICLE_20)[number]["name"];

export function article20(name: string): (typeof ARTICLE_20)[number] {
  const found = ARTICLE_20.find((c) => c.name === name);
  if (!found) throw new Error(`not a 第二十条 category: ${name}`);
  return found;
}
