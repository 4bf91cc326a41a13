/**
 * The body blocks of the held-out corpus (heldout-corpus.ts): Markdown and the raw HTML an editor
 * pastes, in the shapes a real 政务公开 portal has — numbered headings, tables with <br>, code and
 * links in cells, nested lists, blockquotes, 注：, mixed Latin and Chinese, phone numbers, URLs and
 * e-mail addresses, full- and half-width text, 〇 years, ㎡ ℃ ‰ units, circled and Roman numbers,
 * rare characters outside the BMP, emoji, HTML entities, <span>/<sup>/<sub>/<u>, hard-wrapped
 * lines and very long words. Its own text (a fictional 澄川市), written for this check only; the
 * queries in heldout-queries.txt are copied from it.
 */
type Rand = () => number;

export const TOWNS = ["枫亭镇", "鹭洲街道", "云岙镇", "石桥乡", "梅溪街道", "凤栖镇"];
const PROJECTS = [
  "污水管网<br>提标改造工程",
  "公共Wi-Fi全覆盖（Ⅱ期）",
  "保障性租赁住房<br>（一期）",
  "PM2.5自动监测站",
  "老旧小区“微改造”",
  "智慧<span>停车</span>平台",
];
const CONTACTS = [
  "0531-12345678",
  "（0531）87654321",
  "zwgk@chengchuan.gov.cn",
  "400-800-1234",
  "12345 热线",
];
const NOTES = [
  "总投资`1,200`万元，详见[项目公告](https://www.chengchuan.gov.cn/xxgk/2023/gg_0117.html)",
  "PM2.5年均浓度≤35μg/m³",
  "建筑面积1,280㎡，室温不低于18℃",
  "R&amp;D投入占比2.8%",
  "抽查比例不低于5‰<br>（含“双随机”）",
  "见附件①、附件②",
];
const BRACKETS: [string, string][] = [
  ["〔", "〕"],
  ["[", "]"],
  ["（", "）"],
  ["【", "】"],
  ["(", ")"],
  ["［", "］"],
  ["﹝", "﹞"],
  ["〖", "〗"],
];
/** A 4,600-character word (a signature pasted into a notice): the same on every page that has it. */
export const SIGNATURE = (() => {
  let a = 2022;
  let out = "";
  for (let i = 0; i < 4600; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    out += "0123456789abcdef"[(a >>> 16) & 15];
  }
  return out;
})();

export function blocks(rand: Rand, docNos: readonly string[], n: number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const town = () => pick(TOWNS);
  const made: (() => string)[] = [
    () =>
      `## 一、总体要求\n\n### （二）重点任务\n\n#### 3. 保障措施\n\n① 加快推进${town()}雨污分流改造；②完善Ⅱ类水质断面监测；③ 落实“河长制”巡河要求。`,
    () => {
      const rows = Array.from(
        { length: 2 + Math.floor(rand() * 4) },
        (_, i) => `| ${i + 1} | ${town()}${pick(PROJECTS)} | ${pick(CONTACTS)} | ${pick(NOTES)} |`,
      );
      return `| 序号 | 项目名称 | 联系方式 | 备注 |\n| :-: | --- | --- | --- |\n${rows.join("\n")}`;
    },
    () =>
      `1. 申请材料\n   - 居民身份证（原件及复印件）\n   - 不动产权证书\n     1. 加盖公章的复印件\n     2. 原件核验后退还\n2. 办理流程\n   * 网上申请：登录“澄川通”App\n   * 窗口申请：市民中心Ｂ区３号窗口`,
    () =>
      `> 注：本表数据截至二〇二三年十二月三十一日，其中①为预估数。\n>\n> > 转引自《澄川统计年鉴（2023）》第Ⅲ卷。`,
    () => `注：1.“双随机、一公开”抽查比例不低于5‰；2.数据来源：澄川市统计局（二○二四年一月）。`,
    () =>
      `2023年全市PM2.5平均浓度为３２μg/m³，同比下降５．２％；COVID-19疫情防控转入“乙类乙管”后，12345热线受理量增长１８．６％。咨询请拨打0531-12345678或发送e-mail至zwgk@chengchuan.gov.cn，网址https://www.chengchuan.gov.cn/zwgk/。`,
    () =>
      `${town()}大数据中心推进“一网通办”，政务服务事项网上可办率达到\n98.6%，其中Wi-Fi\n覆盖的便民服务点共有\n327个，实现“最多跑一次”的事项\n占比超过七成。The Smart City\nProgram is on track.`,
    () =>
      `<p>推进智慧<span>城市</span>建设，新增绿地12.5万m<sup>2</sup>，CO<sub>2</sub>排放下降3.1%，<u>重点任务</u>按期完成。</p>\n\n<p>受理窗口<br>周一至周五</p>\n\n<p><font color="red">特别提示</font>：<strong>请勿</strong>重复提交。</p>`,
    () =>
      `科技研发（R&amp;D）投入占比2.8%，评级为&lt;A级&gt;，AT&amp;T与&quot;澄川&quot;合作，&copy; 2023 澄川市，A&nbsp;级景区，&#x2003E;字号&#20013;&#25991;说明。`,
    () =>
      `辖区古迹有𠀾山寺、𪚥字碑和𰻞𰻞面老店，人物有杨䶮、王堃、李喆；臺灣同胞服務範圍另見說明。⽣态环境局（PDF转录）。`,
    () => `点赞👍 ❤️澄川 🇨🇳 👨‍👩‍👧家庭医生签约 ☎️12345 ✅已办结 1️⃣号窗口`,
    () => {
      if (!docNos.length) return "根据相关文件精神，制定本方案。";
      const [open, close] = pick(BRACKETS);
      const no = pick(docNos).replace("〔", open).replace("〕", close);
      return `根据《澄川市人民政府关于进一步优化营商环境的通知》（${no}）要求，制定本方案。`;
    },
    () => (rand() < 0.2 ? `数字签名（SHA-256）：${SIGNATURE}\n\n签名结束。` : "签名见附件。"),
    () =>
      `![澄川市PM2.5监测点位分布图（二〇二三年Ⅱ季度）](/media/heldout/map-${Math.floor(rand() * 50)}.svg)\n\n<figure><img src="/media/heldout/fig-${Math.floor(rand() * 50)}.svg" alt="鹭洲湿地公园全景𠀾"><figcaption>图1 鹭洲湿地公园（摄于2023年）</figcaption></figure>`,
    () =>
      "在浏览器地址栏输入`https://zwfw.chengchuan.gov.cn/?item=A&b=<1>`即可办理；\\*号标注项为必填，1\\. 不是编号。",
    () =>
      `ＡＢＣ级景区：澄川古城；Ｗｉ－Ｆｉ名称“ＣＣ－ＦＲＥＥ”；执行ＧＢ／Ｔ　５０３７８－２０１９标准，１２３４５热线全天候受理。`,
    () => `建设智\u200b慧\u200b社区，提供Infor\u00admation服务；第一条\u3000为了规范管理，制定本办法。`,
    () =>
      `年均气温16.8℃，降水量1,024.5㎜，森林覆盖率62.3%，人口自然增长率-1.2‰，建成区面积38.6㎞²，粮食产量12.3万t（约1.2亿㎏）。`,
    () => `${town()}断面水质为Ⅳ类，第Ⅱ标段已完工；分项为⑴道路⑵桥梁⒈照明㈠绿化。`,
    () => `服务时间：8:30～17:30（午间不休）\u2028节假日：9:00〜12:00`,
    () =>
      `<table><caption>表2 澄川市重点项目（续表）</caption><tr><th scope="col">项目</th><th colspan="2">投资（万元）</th></tr><tr><td rowspan="2"><p>鹭洲<wbr>大桥</p></td><td>计划</td><td><s>3,500</s> 4,200</td></tr></table>\n\n<pre>  第一列    第二列\n  甲        乙</pre>\n\n&emsp;&emsp;${town()}段全长12.6公里，<ruby>澄<rt>chéng</rt></ruby>川大道同步拓宽。\n\n3. 第三项\n4. 第四项`,
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(made)());
  return out;
}
