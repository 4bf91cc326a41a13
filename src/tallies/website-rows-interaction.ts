/**
 * 政府网站工作年度报表, sections 互动交流 to 创新发展: letters, consultations and interviews counted
 * from their records; security, new media and innovation are the editor's figures.
 */
import { figuresOf } from "./letters.ts";
import { consultationTally, interviewTally } from "./interaction.ts";
import { has, lettersOf, type WebsiteSectionSpec } from "./website-report-spec.ts";

export const INTERACTION_SECTIONS: WebsiteSectionSpec[] = [
  {
    title: "互动交流",
    rows: [
      { key: "unified-platform", label: "是否使用统一平台" },
      {
        key: "letters-received",
        label: "留言办理：收到留言数量",
        unit: "条",
        compute: (c) => ({ items: lettersOf(c)?.total.received ?? [], style: "letter" }),
      },
      {
        key: "letters-completed",
        label: "留言办理：办结留言数量",
        unit: "条",
        compute: (c) => ({ items: lettersOf(c)?.total.answered ?? [], style: "letter" }),
      },
      {
        key: "letters-average",
        label: "留言办理：平均办理时间",
        unit: "天",
        compute: (c) => {
          const y = lettersOf(c);
          const average = y && figuresOf(y.total, c.portal.site.timeZone).averageDays;
          return { items: y?.total.answered ?? [], value: average ?? "—", style: "letter" };
        },
      },
      {
        key: "letters-public",
        label: "留言办理：公开答复数量",
        unit: "条",
        compute: (c) => ({
          items: (lettersOf(c)?.total.answered ?? []).filter((r) => r.fields.public),
          style: "letter",
        }),
      },
      {
        key: "consultations",
        label: "征集调查：征集调查期数",
        unit: "期",
        compute: (c) =>
          has(c, "consultation") ? { items: consultationTally(c.portal, c.year).consultations } : undefined,
      },
      {
        key: "consultation-opinions",
        label: "征集调查：收到意见数量",
        unit: "条",
        compute: (c) => {
          if (!has(c, "consultation")) return undefined;
          const t = consultationTally(c.portal, c.year);
          return { items: t.withFeedback, value: t.opinionsReceived };
        },
      },
      {
        key: "consultation-results",
        label: "征集调查：公布调查结果期数",
        unit: "期",
        compute: (c) =>
          has(c, "consultation") ? { items: consultationTally(c.portal, c.year).withFeedback } : undefined,
      },
      {
        key: "interviews",
        label: "在线访谈：访谈期数",
        unit: "期",
        compute: (c) =>
          has(c, "interview") ? { items: interviewTally(c.portal, c.year).interviews } : undefined,
      },
      {
        key: "interview-questions",
        label: "在线访谈：网民留言数量",
        unit: "条",
        compute: (c) => {
          if (!has(c, "interview")) return undefined;
          const t = interviewTally(c.portal, c.year);
          return { items: t.interviews, value: t.questionsReceived };
        },
      },
      {
        key: "interview-answers",
        label: "在线访谈：答复网民提问数量",
        unit: "条",
        compute: (c) => {
          if (!has(c, "interview")) return undefined;
          const t = interviewTally(c.portal, c.year);
          return { items: t.interviews, value: t.questionsAnswered };
        },
      },
      { key: "smart-qa", label: "是否提供智能问答功能" },
    ],
  },
  {
    title: "安全防护",
    rows: [
      { key: "security-checks", label: "安全检测评估次数", unit: "次" },
      { key: "security-issues", label: "发现问题数量", unit: "个" },
      { key: "security-fixed", label: "问题整改数量", unit: "个" },
      { key: "security-monitoring", label: "是否建立安全监测预警机制" },
      { key: "security-drills", label: "是否开展应急演练" },
      { key: "security-owner", label: "是否明确网站安全负责人" },
    ],
  },
  {
    title: "移动新媒体",
    rows: [
      { key: "new-media", label: "是否有移动新媒体" },
      { key: "weibo-name", label: "微博：名称" },
      { key: "weibo-posts", label: "微博：信息发布量", unit: "条" },
      { key: "weibo-followers", label: "微博：关注量", unit: "个" },
      { key: "wechat-name", label: "微信：名称" },
      { key: "wechat-posts", label: "微信：信息发布量", unit: "条" },
      { key: "wechat-subscribers", label: "微信：订阅数", unit: "个" },
      { key: "new-media-other", label: "其他" },
    ],
  },
  {
    title: "创新发展",
    rows: [
      { key: "search-service", label: "搜索即服务" },
      { key: "multilingual", label: "多语言版本" },
      { key: "accessibility", label: "无障碍浏览" },
      { key: "personalised", label: "千人千网" },
      { key: "innovation-other", label: "其他" },
    ],
  },
];
