/*
 * Gongkai public script: the 适老化 switches (large font, high contrast, extra-large cursor, 语音阅读),
 * the tabs of the home page's blocks, the print button, and the search page's font check made ahead.
 * Loaded from <head> without `defer` on purpose: the saved modes and the `js` class are put on
 * <html> before the body is parsed, so a returning reader never sees the page flash from normal to
 * large/high-contrast, and tabbed blocks are drawn as tabs from the start (no layout shift).
 * Everything that needs the body waits for DOMContentLoaded. Without JavaScript the switches stay
 * hidden, tabbed blocks are plain lists, and /sitemap/#accessibility explains browser zoom, system
 * contrast, cursor size and screen readers.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var MODES = ["large-font", "high-contrast", "big-cursor", "speech"];
  var KEY = "gongkai:";

  root.classList.add("js");

  function saved(mode) {
    try {
      return window.localStorage.getItem(KEY + mode) === "on";
    } catch (e) {
      return false; // storage blocked (private mode, policy): the switch still works for this page
    }
  }

  function remember(mode, on) {
    try {
      if (on) window.localStorage.setItem(KEY + mode, "on");
      else window.localStorage.removeItem(KEY + mode);
    } catch (e) {
      /* not remembered, nothing else to do */
    }
  }

  MODES.forEach(function (mode) {
    if (saved(mode)) root.classList.add(mode);
  });

  /* ---------- 语音阅读: the browser's own speechSynthesis, zh-CN, nothing sent anywhere ---------- */
  var speech = window.speechSynthesis;

  function chineseVoice() {
    var voices = speech ? speech.getVoices() : [];
    for (var i = 0; i < voices.length; i++) if (/^zh([-_]CN)?$/i.test(voices[i].lang)) return voices[i];
    for (var j = 0; j < voices.length; j++) if (/^(zh|cmn)/i.test(voices[j].lang)) return voices[j];
    return null;
  }

  function say(message) {
    var status = document.querySelector(".speech-status");
    if (status) status.textContent = message;
  }

  /* The text a reader came for: <main> without the print-only address and visually hidden labels. */
  function mainText() {
    var main = document.getElementById("main");
    if (!main) return "";
    var copy = main.cloneNode(true);
    copy.querySelectorAll(".print-only, [hidden], .tablist, script").forEach(function (el) {
      el.remove();
    });
    return (copy.textContent || "").replace(/\s+/g, " ").trim();
  }

  function startReading() {
    if (!speech || typeof window.SpeechSynthesisUtterance !== "function") {
      say("您的浏览器不支持语音朗读。可以使用系统自带的读屏软件（如“讲述人”“旁白”）朗读本页。");
      return;
    }
    var voice = chineseVoice();
    if (!voice) {
      say("您的浏览器没有可用的中文语音，无法朗读。可以在系统设置中安装中文语音，或使用系统自带的读屏软件。");
      return;
    }
    speech.cancel();
    // Long texts are cut into sentences: some engines stop after about 15 seconds of one utterance.
    var parts = mainText().match(/[^。！？；\n]+[。！？；]?/g) || [];
    parts.forEach(function (part, i) {
      var u = new window.SpeechSynthesisUtterance(part);
      u.lang = "zh-CN";
      u.voice = voice;
      if (i === parts.length - 1)
        u.onend = function () {
          say("朗读结束。");
        };
      speech.speak(u);
    });
    say("正在朗读正文。");
  }

  function stopReading() {
    if (speech) speech.cancel();
    say("已停止朗读。");
  }

  /* ---------- tabs (ARIA pattern: arrow keys move between tabs, Home and End jump) ---------- */
  function setUpTabs(block) {
    var list = block.querySelector(".tablist");
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", list.getAttribute("data-label"));
    var tabs = Array.prototype.slice.call(list.querySelectorAll("button[data-controls]"));
    var panels = tabs.map(function (tab) {
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", tab.getAttribute("data-controls"));
      return document.getElementById(tab.getAttribute("data-controls"));
    });
    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === index;
        tab.setAttribute("aria-selected", String(on));
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) tabs[index].focus();
    }
    panels.forEach(function (panel, i) {
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tabs[i].id);
    });
    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () {
        select(i, false);
      });
      tab.addEventListener("keydown", function (event) {
        var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        select((next + tabs.length) % tabs.length, true);
      });
    });
    select(0, false);
  }

  function setUp() {
    document.querySelectorAll("button[data-mode]").forEach(function (button) {
      var mode = button.getAttribute("data-mode");
      if (MODES.indexOf(mode) < 0) return;
      button.setAttribute("aria-pressed", String(root.classList.contains(mode)));
      button.hidden = false;
      button.addEventListener("click", function () {
        var on = !root.classList.contains(mode);
        root.classList.toggle(mode, on);
        remember(mode, on);
        if (mode === "speech" && !on) stopReading();
        document.querySelectorAll('button[data-mode="' + mode + '"]').forEach(function (b) {
          b.setAttribute("aria-pressed", String(on));
        });
      });
    });
    document.querySelectorAll("button[data-speech]").forEach(function (button) {
      button.addEventListener("click", button.getAttribute("data-speech") === "start" ? startReading : stopReading);
    });
    window.addEventListener("pagehide", function () {
      if (speech) speech.cancel();
    });
    document.querySelectorAll("[data-tabs]").forEach(setUpTabs);
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  // Whether a font here draws 一: the search page's check (search-first-layout.js `check`, the same
  // key, steps and rule), made once on whichever page a reader opens first, when it is idle after its
  // load. A search page opened from the header's box then knows the verdict in its head script; else
  // its first visit checks in that task, six synchronous calls to the browser (up to 145 ms on a busy
  // machine). A search page checks itself (its head script ran first and remembered the verdict).
  function checkFontLater() {
    var VERDICT = "gongkai-search-font-1";
    var probe;
    // The search page checks in its own steps (search-first-layout.js); this script is part of its
    // first script there, and a second check racing the first would ask the browser for fonts again.
    if (document.getElementById("search-app")) return;
    try {
      if (window.localStorage.getItem(VERDICT)) return;
      probe = new OffscreenCanvas(1, 1).getContext("2d");
    } catch (e) {
      return; // no storage or no OffscreenCanvas: the search page checks on every load
    }
    function height(font, text) {
      probe.font = font;
      var m = probe.measureText(text);
      return m.actualBoundingBoxAscent + m.actualBoundingBoxDescent;
    }
    // Two synchronous calls a step: system-ui at 16px, the standard family, then 一 (its fallback).
    var steps = [
      height.bind(null, "16px system-ui", "a"),
      height.bind(null, "16px serif", "a"),
      function () {
        var boxes = height("16px system-ui", "\u4e00") > 8;
        try {
          if (!window.localStorage.getItem(VERDICT)) window.localStorage.setItem(VERDICT, boxes ? "boxes" : "font");
        } catch (e) {
          /* not remembered: the search page checks */
        }
      },
    ];
    var idle = window.requestIdleCallback || setTimeout;
    (function next() {
      var step = steps.shift();
      if (step)
        idle(function () {
          step();
          next();
        });
    })();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
  if (document.readyState === "complete") checkFontLater();
  else window.addEventListener("load", checkFontLater, { once: true });
})();
