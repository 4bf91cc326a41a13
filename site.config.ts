/**
 * Settings of the sample portal: 白桦岭市人民政府, a fictional county-level city.
 * Every field is documented in src/config/schema.ts and in README.md.
 */
import { defineSite } from "./src/config/load.ts";

const keyed = (pairs: Record<string, string>) => Object.entries(pairs).map(([key, name]) => ({ key, name }));

export default defineSite({
  name: "白桦岭市人民政府",
  sponsor: "白桦岭市人民政府办公室",
  maintainer: "白桦岭市大数据中心",
  address: "白桦岭市温泉街88号 白桦岭市人民政府办公楼",
  postcode: "137900",
  email: "bhlzwgk@baihualing.gov.cn",
  hotline: "12345",
  siteIdCode: "1522990001",
  icp: "蒙ICP备2099000001号-1",
  publicSecurityRecord: "蒙公网安备 15229902000001号",
  conacId: "15229900001000000001",
  baseUrl: "https://www.baihualing.gov.cn",
  pathPrefix: "/",
  timeZone: "Asia/Shanghai",
  copyrightSince: 2025,
  // Names the wording check holds every page to (docs/wording.md): a near miss is an error.
  wording: {
    leaders: [
      { name: "郑国栋", title: ["市委副书记", "市长"], from: "2023-01-18" },
      { name: "韩丽萍", title: "常务副市长", from: "2023-01-18" },
      { name: "孟庆和", title: "副市长", from: "2021-02-05" },
    ],
    organs: [
      { name: "白桦岭市人民政府办公室", short: ["市政府办公室"] },
      { name: "白桦岭市发展和改革委员会", short: ["市发改委"] },
      { name: "白桦岭市卫生健康委员会", short: ["市卫健委"] },
      { name: "白桦岭市人力资源和社会保障局", short: ["市人社局"] },
    ],
    places: [
      "白桦岭市",
      "青松镇",
      "鹿鸣镇",
      "桦林镇",
      "河源镇",
      "兴桦街道",
      "林海街道",
      "温泉街道",
      "桦溪河",
    ],
  },
  // 咨询建言 channels (linked from every page) and the reply deadlines of letters (docs/letters.md).
  interaction: {
    channels: [
      {
        label: "市长信箱",
        url: "https://12345.nmg.gov.cn/baihualing/mayor",
        note: "致信市长，15 个工作日内答复",
      },
      { label: "政务咨询", url: "https://12345.nmg.gov.cn/baihualing/consult", note: "政策、办事咨询" },
      { label: "投诉举报", url: "https://12345.nmg.gov.cn/baihualing/complaint", note: "对政府工作的投诉" },
      { label: "建言献策", url: "mailto:jianyan@baihualing.gov.cn", note: "对本市发展的意见建议" },
    ],
    letterDeadlines: { warnWorkingDays: 15, errorDays: 60 },
  },
  // Everything committed before the switch-over came with the migration of the sample content.
  honestDates: { since: "2026-12-02" },
  // 解读 within 3 working days was kept from 2026 on: older documents are listed, not warned about.
  interpretation: { since: "2026-01-01" },
  columns: [
    {
      key: "city-news",
      name: "市级新闻",
      kind: "动态",
      description: "白桦岭市政府重要会议、活动和工作部署",
      keywords: ["市级新闻", "要闻"],
    },
    {
      key: "dept-news",
      name: "部门动态",
      kind: "动态",
      description: "市直各部门、各镇街工作动态",
      keywords: ["部门动态"],
    },
    {
      key: "notices",
      name: "通知公告",
      kind: "通知公告",
      description: "市政府及各部门发布的通知、公告、公示",
      keywords: ["通知", "公告", "公示"],
    },
    {
      key: "reprints",
      name: "转载",
      kind: "动态",
      description: "各级媒体关于白桦岭市的报道",
      keywords: ["媒体报道"],
    },
    {
      key: "press",
      name: "发布会",
      kind: "动态",
      description: "市政府新闻发布会实录",
      keywords: ["新闻发布会"],
    },
  ],
  departments: keyed({
    gov: "白桦岭市人民政府",
    "gov-office": "白桦岭市人民政府办公室",
    ndrc: "市发展和改革委员会",
    edu: "市教育局",
    finance: "市财政局",
    hrss: "市人力资源和社会保障局",
    "natural-resources": "市自然资源局",
    ecology: "市生态环境局",
    housing: "市住房和城乡建设局",
    agriculture: "市农牧局",
    health: "市卫生健康委员会",
    market: "市市场监督管理局",
    "civil-affairs": "市民政局",
    culture: "市文化旅游体育局",
    emergency: "市应急管理局",
    "gov-services": "市政务服务局",
    media: "市融媒体中心",
    // Towns with a 公开平台 on the portal (content/organs/).
    qingsong: "青松镇人民政府",
    luming: "鹿鸣镇人民政府",
  }),
  topics: [
    { key: "ecology", name: "生态文明建设", group: "专题" },
    { key: "business", name: "优化营商环境", group: "专题" },
    { key: "housing", name: "保障性住房", group: "重大民生" },
    { key: "food-safety", name: "食品安全", group: "重大民生" },
    { key: "environment", name: "环境保护", group: "重大民生" },
    { key: "land", name: "征地拆迁", group: "热点" },
    { key: "accidents", name: "安全事故", group: "热点" },
    { key: "prices", name: "价格收费", group: "热点" },
    { key: "farm-subsidies", name: "惠农惠牧", group: "热点" },
  ],
  categories: keyed({
    general: "综合政务",
    economy: "国民经济管理、国有资产监管",
    finance: "财政、金融、审计",
    resources: "国土资源、能源",
    agriculture: "农业、林业、水利",
    construction: "城乡建设、环境保护",
    education: "科技、教育",
    health: "卫生、体育",
    "civil-affairs": "民政、扶贫、救灾",
    labour: "劳动、人事、监察",
    market: "市场监管、安全生产监管",
    culture: "文化、广电、新闻出版",
  }),
  guideTypes: keyed({ permit: "行政许可", "non-permit": "行政非许可", service: "公共服务" }),
  videoKinds: keyed({ news: "视频新闻", promo: "宣传片" }),
  periodicals: keyed({ bhlx: "白桦岭讯" }),
  theme: {
    banner: { image: "/media/images/banner.svg", tagline: "白桦林海 · 温泉之城" },
    footerText: ["建议使用 1366×768 以上分辨率、Chrome、Edge、Firefox 或国产浏览器的极速模式浏览本站"],
  },
  home: {
    focus: 3,
    services: {
      online: "https://zwfw.baihualing.gov.cn/",
      audiences: [
        {
          name: "个人办事",
          guides: [
            "compulsory-education-enrollment",
            "minimum-living-allowance",
            "unemployment-insurance-benefits",
            "real-estate-transfer-registration",
            "funeral-basic-services",
            "public-sports-venue-booking",
          ],
        },
        {
          name: "法人办事",
          guides: [
            "food-business-license",
            "construction-permit",
            "land-use-planning-permit",
            "eia-report-form-approval",
            "medical-institution-registration",
            "agency-assistance-service",
          ],
        },
      ],
    },
    openGovernment: [
      { label: "政府信息公开指南", url: "/pages/open-government-guide/", note: "公开范围、方式和程序" },
      { label: "政府信息公开制度", url: "/pages/open-government-rules/", note: "工作制度汇编" },
    ],
    interaction: [
      { label: "留言办理", url: "/letters/", note: "来信的受理和答复情况" },
      { label: "意见征集", url: "/consultations/", note: "政策草案公开征求意见及采纳情况" },
      { label: "在线访谈", url: "/interviews/", note: "访谈预告和文字、视频实录" },
      { label: "联系我们", url: "/contact/", note: "来信地址和办公电话" },
    ],
  },
  indexNoPattern: "^[0-9A-Z]{18}/\\d{4}-\\d{5}$",
  // The yearly statistics table, in the layout of the 2012 table that counties have published for
  // years (docs/tallies.md). Rows with `count` are counted at build time and link to the items they
  // count; the others are entered per year in content/reports/<year>.md under `figures`.
  statistics: [
    {
      title: "一、主动公开数量",
      rows: [
        { key: "website", label: "通过政府网站公开数", unit: "条", count: { all: true } },
        { key: "city-news", label: "其中：市级新闻", unit: "条", count: { column: "市级新闻" } },
        { key: "dept-news", label: "其中：部门动态", unit: "条", count: { column: "部门动态" } },
        { key: "reprints", label: "其中：转载媒体信息", unit: "条", count: { column: "转载" } },
        {
          key: "documents",
          label: "政府公开文件",
          unit: "份",
          count: { policyKind: ["行政规范性文件", "规章", "其他文件"], measure: "issued" },
        },
        { key: "video-news", label: "网络视频新闻", unit: "期", count: { videoKind: "视频新闻" } },
        { key: "promo-videos", label: "视频宣传片", unit: "个", count: { videoKind: "宣传片" } },
        { key: "periodical-issues", label: "《白桦岭讯》", unit: "期", count: { periodical: "白桦岭讯" } },
        { key: "press", label: "召开新闻发布会次数", unit: "次", count: { column: "发布会" } },
      ],
    },
    { title: "二、依申请公开数量", unit: "件", key: "requests" },
    { title: "三、行政复议数量", unit: "件", key: "reviews" },
    { title: "四、行政诉讼数量", unit: "件", key: "lawsuits" },
    {
      title: "五、重大民生信息公开情况",
      rows: [
        { key: "housing", label: "公开保障性住房信息", unit: "条", count: { topic: "保障性住房" } },
        { key: "food-safety", label: "公开食品安全信息", unit: "条", count: { topic: "食品安全" } },
        { key: "environment", label: "公开环境保护信息", unit: "条", count: { topic: "环境保护" } },
      ],
    },
    {
      title: "六、热点信息公开情况",
      rows: [
        { key: "land", label: "公开征地拆迁信息", unit: "条", count: { topic: "征地拆迁" } },
        { key: "accidents", label: "公开重点安全事故信息", unit: "条", count: { topic: "安全事故" } },
        { key: "prices", label: "公开价格收费信息", unit: "条", count: { topic: "价格收费" } },
        {
          key: "farm-subsidies",
          label: "公开惠农惠牧政策及专项资金管理使用信息",
          unit: "条",
          count: { topic: "惠农惠牧" },
        },
      ],
    },
    {
      title: "七、公共查阅点建设",
      rows: [
        { key: "reading-points", label: "公共查阅点建设数量", unit: "个" },
        { key: "reading-visits", label: "公共查阅点查阅量", unit: "人次" },
      ],
    },
    {
      title: "八、行政审批事项",
      rows: [
        {
          key: "permits",
          label: "行政许可事项",
          unit: "项",
          count: { guideType: "行政许可", measure: "listed" },
        },
        {
          key: "non-permits",
          label: "行政非许可事项",
          unit: "项",
          count: { guideType: "行政非许可", measure: "listed" },
        },
        {
          key: "services",
          label: "行政服务事项",
          unit: "项",
          count: { guideType: "公共服务", measure: "listed" },
        },
      ],
    },
    {
      title: "九、政务服务体系建设",
      rows: [
        { key: "center-area", label: "政务服务中心面积", unit: "平方米" },
        { key: "online-services", label: "是否实现网上信息公开及政务服务" },
        { key: "cases-received", label: "政务服务中心办件量", unit: "件" },
        { key: "cases-completed", label: "政务服务中心办结量", unit: "件" },
        { key: "items-stationed", label: "实际进驻审批事项数量/应进驻审批事项数量", unit: "件" },
        { key: "agency-points", label: "已建便民代办点数量/本行政区域嘎查村（社区）总数", unit: "个" },
      ],
    },
    {
      title: "十、人员机构建设和保障经费情况",
      rows: [
        { key: "offices", label: "信息公开工作专门机构", unit: "个" },
        { key: "full-time-staff", label: "信息公开专职人员数", unit: "个" },
        { key: "part-time-staff", label: "信息公开兼职人员数", unit: "个" },
        { key: "meetings", label: "召开信息公开工作会或专题会", unit: "次" },
        { key: "training", label: "培训班次/人数" },
        { key: "funding", label: "信息公开专项经费", unit: "万元" },
      ],
    },
  ],
});
