/** What the web editor test types, word by word: the pinyin typed and the text it composes. */
import type { ImeWords } from "../helpers/ime.ts";

export const NEWS_TITLE: ImeWords = [
  ["dongji", "冬季"],
  ["gongnuan", "供暖"],
  ["baozhang", "保障"],
  ["", "，"],
  ["quanshi", "全市"],
  ["tuijin", "推进"],
];
export const NEWS_SOURCE: ImeWords = [
  ["shirongmeiti", "市融媒体"],
  ["zhongxin", "中心"],
];
export const NEWS_BODY: ImeWords = [
  ["jinnian", "今年"],
  ["", "，"],
  ["quanshi", "全市"],
  ["xinzeng", "新增"],
  ["gongre", "供热"],
  ["mianji", "面积"],
  ["", "。"],
];
export const POLICY_TITLE: ImeWords = [
  ["guanyu", "关于"],
  ["zuohao", "做好"],
  ["chunji", "春季"],
  ["fanghuo", "防火"],
  ["gongzuo", "工作"],
  ["de", "的"],
  ["tongzhi", "通知"],
];
export const POLICY_BODY: ImeWords = [
  ["gezhen", "各镇"],
  ["renmin", "人民"],
  ["zhengfu", "政府"],
  ["", "："],
  ["xianjiang", "现将"],
  ["youguan", "有关"],
  ["shixiang", "事项"],
  ["tongzhi", "通知"],
  ["ruxia", "如下"],
  ["", "。"],
];
export const EDIT: ImeWords = [
  ["", "（"],
  ["xiuding", "修订"],
  ["", "）"],
];
