"use strict";
// The prompter: the script's time drives the scroll. At speed 100% the marker reaches each line at the time
// the script's timing gives it; through a SOT or a break the page holds for the tape's length. In a live
// server's page the server owns the time (play, speed, position) and every screen follows it.
(function () {
  const config = JSON.parse(document.getElementById("config").textContent);
  const stage = document.getElementById("stage");
  const viewport = document.getElementById("viewport");
  const script = document.getElementById("script");
  const marker = document.getElementById("marker");
  const help = document.getElementById("help");
  const $ = (id) => document.getElementById(id);
  const status = {
    play: $("st-play"), speed: $("st-speed"), wpm: $("st-wpm"), elapsed: $("st-elapsed"), remain: $("st-remain"),
    words: $("st-words"), over: $("st-over"), onair: $("st-onair"), next: $("st-next"), wait: $("st-wait"), link: $("st-link"),
  };
  const MARKERS = { top: 0.2, center: 0.45, bottom: 0.7 };
  const DEFAULTS = { fontsize: 8, mirror: false, mirrorv: false, marker: 0.35, showmarker: true, margin: 4, speed: 100, caps: false, contrast: false };
  const STORE = "broadcast-prompter:" + config.ident;
  const now = () => performance.now();

  // ---- settings: defaults, then what this document kept, then the URL (Sofie's parameter names)
  function flag(value) { return !["0", "false", "no", "off"].includes(String(value).toLowerCase()); }
  function clampNumber(value, low, high, fallback) {
    const number = Number(value);
    return Number.isFinite(number) ? Math.min(high, Math.max(low, number)) : fallback;
  }
  function markerValue(value, fallback) {
    if (value === "hide") return "hide";
    if (value in MARKERS) return MARKERS[value];
    const number = Number(value);
    if (!Number.isFinite(number)) return fallback;
    return Math.min(0.9, Math.max(0.05, number > 1 ? number / 100 : number));
  }
  function sanitize(raw) {
    const s = Object.assign({}, DEFAULTS);
    if (!raw || typeof raw !== "object") return s;
    if ("fontsize" in raw) s.fontsize = clampNumber(raw.fontsize, 2, 40, DEFAULTS.fontsize);
    if ("margin" in raw) s.margin = clampNumber(raw.margin, 0, 40, DEFAULTS.margin);
    if ("speed" in raw) s.speed = clampNumber(raw.speed, 10, 400, DEFAULTS.speed);
    if ("marker" in raw) s.marker = markerValue(raw.marker, DEFAULTS.marker);
    for (const key of ["mirror", "mirrorv", "showmarker", "caps", "contrast"]) if (key in raw) s[key] = flag(raw[key]);
    if (s.marker === "hide") { s.marker = DEFAULTS.marker; s.showmarker = false; }
    return s;
  }
  function loadSettings() {
    let kept = {};
    try { kept = JSON.parse(localStorage.getItem(STORE) || "{}"); } catch (e) { kept = {}; }
    const params = {};
    new URLSearchParams(location.search).forEach((value, key) => { if (key in DEFAULTS) params[key] = value; });
    return sanitize(Object.assign({}, kept, params));
  }
  function saveSettings() {
    try { localStorage.setItem(STORE, JSON.stringify(settings)); } catch (e) { /* storage off: settings last this visit */ }
  }
  let settings = loadSettings();

  // ---- the script's timeline: the top of each line (or tape) at its start time
  let keyTimes = [], keyTops = [], segments = [], items = [], wordsAfter = [], lineStarts = [], segStarts = [], itemStartList = [];
  function measure() {
    const frames = script.querySelectorAll(".kf");
    keyTimes = []; keyTops = []; lineStarts = []; wordsAfter = [];
    for (const el of frames) {
      keyTimes.push(Number(el.dataset.start));
      keyTops.push(el.offsetTop + offsetOf(el.offsetParent));
      lineStarts.push(Number(el.dataset.start));
      wordsAfter.push(Number(el.dataset.words || 0));
    }
    for (let i = wordsAfter.length - 2; i >= 0; i--) wordsAfter[i] += wordsAfter[i + 1];
    segments = Array.from(script.querySelectorAll(".seg")).map((el) => ({
      el, start: Number(el.dataset.start), end: Number(el.dataset.end), label: el.dataset.label,
      item: Number(el.closest(".item").dataset.item), wait: el.classList.contains("wait"),
      countdown: el.querySelector(".countdown"),
    }));
    items = Array.from(script.querySelectorAll(".item")).map((el) => ({ el, start: Number(el.dataset.start), wpm: Number(el.dataset.wpm) }));
    segStarts = segments.map((s) => s.start);
    itemStartList = items.map((s) => s.start);
  }
  function offsetOf(el) {
    let top = 0;
    while (el && el !== script) { top += el.offsetTop; el = el.offsetParent; }
    return top;
  }
  function lastAtOrBefore(list, value) {  // index of the last entry <= value, -1 if none
    let low = 0, high = list.length - 1, found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (list[mid] <= value) { found = mid; low = mid + 1; } else high = mid - 1;
    }
    return found;
  }
  function topAt(time) {
    if (!keyTimes.length) return 0;
    const i = lastAtOrBefore(keyTimes, time);
    if (i < 0) return keyTops[0];
    if (i >= keyTimes.length - 1) return keyTops[keyTimes.length - 1];
    const span = keyTimes[i + 1] - keyTimes[i];
    const fraction = span > 0 ? (time - keyTimes[i]) / span : 0;
    return keyTops[i] + fraction * (keyTops[i + 1] - keyTops[i]);
  }
  function timeAt(top) {
    if (!keyTops.length) return 0;
    const i = lastAtOrBefore(keyTops, top);
    if (i < 0) return 0;
    if (i >= keyTops.length - 1) return config.duration;
    let j = i + 1;
    while (j < keyTops.length - 1 && keyTops[j] === keyTops[i]) j++;
    const height = keyTops[j] - keyTops[i];
    const fraction = height > 0 ? (top - keyTops[i]) / height : 0;
    return keyTimes[i] + fraction * (keyTimes[j] - keyTimes[i]);
  }

  // ---- transport: position (ms of script time) moves at speed while playing
  const transport = { playing: false, speed: settings.speed, position: 0, anchor: now(), started: null, paused: 0 };
  let offset = 0;  // the live server's clock minus ours
  const clock = () => now() + offset;
  function position(at) {
    const t = at === undefined ? clock() : at;
    const p = transport.playing ? transport.position + (t - transport.anchor) * transport.speed / 100 : transport.position;
    return Math.min(config.duration, Math.max(0, p));
  }
  function setTransport(change) {
    const t = clock();
    transport.position = position(t);
    transport.anchor = t;
    Object.assign(transport, change);
    transport.position = Math.min(config.duration, Math.max(0, transport.position));
    if (transport.playing && transport.started === null) transport.started = t;
  }
  const segmentStarts = () => segStarts;
  const itemStarts = () => itemStartList;
  function following(starts, p) { return starts.find((s) => s > p + 50); }
  function preceding(starts, p) {  // within a second of a start, the one before it: as a presenter means "back"
    const before = starts.filter((s) => s <= p);
    if (!before.length) return 0;
    const last = before[before.length - 1];
    return p - last > 1000 / Math.max(0.1, transport.speed / 100) || before.length === 1 ? last : before[before.length - 2];
  }
  function act(message) {
    if (live.socket) { live.send(message); return; }
    apply(message);
  }
  function apply(message) {  // the same actions as the server's POST /control
    const p = position();
    const speed = transport.speed;
    switch (message.action) {
      case "play": setTransport({ playing: true }); break;
      case "pause": setTransport({ playing: false }); break;
      case "toggle": setTransport({ playing: !transport.playing }); break;
      case "faster": setTransport({ speed: Math.min(400, speed + 5) }); break;
      case "slower": setTransport({ speed: Math.max(10, speed - 5) }); break;
      case "speed": setTransport({ speed: clampNumber(message.value, 10, 400, speed) }); break;
      case "next": { const to = following(segmentStarts(), p); if (to !== undefined) setTransport({ position: to }); break; }
      case "previous": setTransport({ position: preceding(segmentStarts(), p) }); break;
      case "next-story": { const to = following(itemStarts(), p); if (to !== undefined) setTransport({ position: to }); break; }
      case "previous-story": setTransport({ position: preceding(itemStarts(), p) }); break;
      case "top": setTransport({ position: 0, playing: false }); transport.started = null; break;
      case "end": setTransport({ position: config.duration, playing: false }); break;
      case "seek": setTransport({ position: clampNumber(message.position, 0, config.duration / 1000, 0) * 1000 }); break;
      case "nudge": setTransport({ position: p + clampNumber(message.by, -3600, 3600, 0) * 1000 }); break;
      default: return;
    }
    if (message.action === "faster" || message.action === "slower" || message.action === "speed") {
      settings.speed = transport.speed; saveSettings();
    }
    draw(true);
  }

  // ---- the look: font, margins, mirror, marker, caps, contrast
  function style() {
    const root = document.documentElement.style;
    root.setProperty("--fs", settings.fontsize + "vh");
    root.setProperty("--margin", settings.margin + "vw");
    root.setProperty("--marker", settings.marker);
    stage.classList.toggle("mirror", settings.mirror);
    stage.classList.toggle("mirrorv", settings.mirrorv);
    marker.classList.toggle("hidden", !settings.showmarker);
    script.classList.toggle("caps", settings.caps);
    document.body.classList.toggle("contrast", settings.contrast);
    measure();
    draw(true);
  }
  function change(patch) {
    settings = sanitize(Object.assign({}, settings, patch));
    saveSettings();
    style();
  }

  // ---- drawing: one transform per frame; the status line a few times a second
  let shownTop = null, shownSegment = -1, statusAt = 0;
  function markerY() { return settings.marker * viewport.clientHeight; }
  function draw(force) {
    const t = clock();
    const p = position(t);
    const top = Math.round(topAt(p) * 2) / 2;
    if (force || top !== shownTop) {
      script.style.transform = "translate3d(0," + (markerY() - top) + "px,0)";
      shownTop = top;
    }
    let s = lastAtOrBefore(segmentStarts(), p);
    if (s >= 0 && p >= segments[s].end && s === segments.length - 1) s = -1;
    if (force || s !== shownSegment) {
      for (const seg of segments) seg.el.classList.remove("onair", "next");
      if (s >= 0) segments[s].el.classList.add("onair");
      if (s + 1 < segments.length) segments[s + 1].el.classList.add("next");
      shownSegment = s;
    }
    if (force || t - statusAt > 200) { statusAt = t; drawStatus(p, s, t); }
  }
  function clockText(ms, signed) {
    const sign = ms < 0 ? "-" : signed ? "+" : "";
    let total = Math.round(Math.abs(ms) / 1000);
    const h = Math.floor(total / 3600); total -= h * 3600;
    const m = Math.floor(total / 60), sec = total - m * 60;
    return sign + (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(sec).padStart(2, "0");
  }
  function drawStatus(p, s, t) {
    const speed = transport.speed;
    const item = items[Math.max(0, lastAtOrBefore(itemStarts(), p))];
    const wpm = Math.round(((item && item.wpm) || config.wpm) * speed / 100);
    put(status.play, transport.playing ? "▶" : "❚❚");
    put(status.speed, speed + "%");
    put(status.wpm, wpm + " wpm");
    const elapsed = transport.started === null ? 0 : t - transport.started;
    const remaining = (config.duration - p) * 100 / speed;
    put(status.elapsed, clockText(elapsed));
    put(status.remain, clockText(remaining));
    const k = lastAtOrBefore(lineStarts, p);
    put(status.words, String(k < 0 ? (wordsAfter[0] || 0) : (k + 1 < wordsAfter.length ? wordsAfter[k + 1] : 0)));
    const against = config.slot === null ? config.duration : config.slot;
    const over = elapsed + remaining - against;
    put(status.over, (over > 0 ? "OVER " : "UNDER ") + clockText(over, true) + (config.slot === null ? " vs script" : " vs slot"));
    const tone = Math.abs(over) < 1000 ? "" : over > 0 ? "over" : "under";
    if (status.over.className !== tone) status.over.className = tone;
    const seg = s >= 0 ? segments[s] : null;
    put(status.onair, seg ? "ON AIR " + seg.label : "");
    put(status.next, s + 1 < segments.length ? "NEXT " + segments[s + 1].label : "");
    for (const other of segments) if (other.countdown && other !== seg) put(other.countdown, "");
    if (seg && seg.wait) {
      const left = clockText((seg.end - p) * 100 / speed);
      put(status.wait, "WAIT " + left);
      if (seg.countdown) put(seg.countdown, "▼ " + left);
    } else put(status.wait, "");
  }
  function put(el, text) { if (el.textContent !== text) el.textContent = text; }  // an unchanged text costs no layout
  let readyAt = null;  // the first frame drawn: when the page is up on the glass
  function frame() { draw(false); if (readyAt === null) readyAt = performance.now(); requestAnimationFrame(frame); }

  // ---- keys, wheel, pedal, full screen
  const KEYS = {
    " ": () => act({ action: "toggle" }), k: () => act({ action: "pause" }), Enter: () => act({ action: "toggle" }),
    ArrowDown: () => act({ action: "faster" }), l: () => act({ action: "faster" }),
    ArrowUp: () => act({ action: "slower" }), j: () => act({ action: "slower" }),
    "0": () => act({ action: "speed", value: 100 }),
    PageDown: () => act({ action: "next" }), ArrowRight: () => act({ action: "next" }),
    PageUp: () => act({ action: "previous" }), ArrowLeft: () => act({ action: "previous" }),
    n: () => act({ action: "next-story" }), p: () => act({ action: "previous-story" }),
    Home: () => act({ action: "top" }), End: () => act({ action: "end" }),
    "+": () => change({ fontsize: settings.fontsize + 1 }), "=": () => change({ fontsize: settings.fontsize + 1 }),
    "-": () => change({ fontsize: settings.fontsize - 1 }),
    m: () => change({ mirror: !settings.mirror }), v: () => change({ mirrorv: !settings.mirrorv }),
    "[": () => change({ marker: Math.max(0.05, settings.marker - 0.05) }),
    "]": () => change({ marker: Math.min(0.9, settings.marker + 0.05) }),
    "\\": () => change({ showmarker: !settings.showmarker }),
    ",": () => change({ margin: settings.margin - 1 }), ".": () => change({ margin: settings.margin + 1 }),
    c: () => change({ caps: !settings.caps }), h: () => change({ contrast: !settings.contrast }),
    f: () => fullScreen(), "?": () => { help.hidden = !help.hidden; }, Escape: () => { help.hidden = true; },
  };
  function fullScreen() {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else document.documentElement.requestFullscreen().catch(() => {});
  }
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const run = KEYS[event.key] || KEYS[key];
    if (run) { event.preventDefault(); run(); }
  });
  document.addEventListener("wheel", (event) => {
    event.preventDefault();
    const pixels = event.deltaY * (event.deltaMode === 1 ? 40 : event.deltaMode === 2 ? viewport.clientHeight : 1);
    const to = timeAt(topAt(position()) + (settings.mirrorv ? -pixels : pixels));
    act({ action: "seek", position: to / 1000 });
  }, { passive: false });
  document.addEventListener("dblclick", fullScreen);
  window.addEventListener("resize", () => style());
  // Any later change of the script's layout (a font arriving, a live edit) moves the lines: measure again.
  new ResizeObserver(() => { measure(); draw(true); }).observe(script);
  if (document.fonts) document.fonts.ready.then(() => { measure(); draw(true); });

  // ---- the live server: its state and its script replace ours; actions go to it
  const live = { socket: null, send() {}, best: Infinity };
  function follow(state) {
    transport.playing = state.playing; transport.speed = state.speed; transport.position = state.position;
    transport.anchor = state.at; transport.started = state.started;
    draw(true);
  }
  function connect() {
    const url = new URL(config.live.socket, location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    if (config.live.token) url.searchParams.set("token", config.live.token);
    const socket = new WebSocket(url);
    socket.onopen = () => {
      live.socket = socket;
      live.send = (message) => socket.send(JSON.stringify(message));
      status.link.textContent = "LIVE"; status.link.className = "";
      for (let i = 0; i < 5; i++) setTimeout(() => live.send({ type: "ping", sent: now() }), i * 150);
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "pong") {
        const back = now(), trip = back - message.sent;
        if (trip <= live.best) { live.best = trip; offset = message.server - (message.sent + back) / 2; draw(true); }
      } else if (message.type === "script") {
        script.innerHTML = message.html;  // rendered and escaped by the server's template
        config.duration = message.duration; config.slot = message.slot; config.wpm = message.wpm;
        measure(); shownSegment = -1; follow(message.state);
      } else if (message.type === "state") follow(message);
    };
    socket.onclose = () => {
      live.socket = null;
      status.link.textContent = "OFFLINE"; status.link.className = "down";
      setTimeout(connect, 1000);
    };
  }

  window.prompter = {  // for the operator's own scripts and the tests
    position: () => position(), settings: () => Object.assign({}, settings), transport: () => Object.assign({}, transport),
    clock: () => clock(), act, topAt, timeAt, markerY, readyAt: () => readyAt,
    segmentAtMarker() {
      const y = viewport.getBoundingClientRect().top + markerY();
      for (const seg of segments) {
        const box = seg.el.getBoundingClientRect();
        if (box.top <= y && y < box.bottom) return segments.indexOf(seg);
      }
      return -1;
    },
  };
  style();
  if (config.live) connect();
  requestAnimationFrame(frame);
})();
