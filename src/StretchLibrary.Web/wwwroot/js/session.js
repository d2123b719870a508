// Guided session player. The page works without this file (one stretch per page); with it, one page walks
// through every stretch: holds count down, reps are counted, sides and sets are cued, and the end logs it.
(() => {
  "use strict";
  const planElement = document.getElementById("session-plan");
  const player = document.querySelector("[data-session-player]");
  if (!planElement || !player) {
    return;
  }

  const plan = JSON.parse(planElement.textContent);
  const $ = (name) => player.querySelector(`[data-${name}]`);
  const ui = {
    progress: $("progress"), title: $("title"), dosage: $("dosage"), cue: $("cue"), timer: $("timer"),
    steps: $("steps"), rep: $("rep"), back: $("back"), start: $("start"), pause: $("pause"), skip: $("skip"),
    beep: $("beep"), announce: $("announce"), finish: $("finish"), summary: $("summary"), stop: $("stop"),
  };
  const card = ui.title.closest("section");
  document.querySelector("[data-session-static]").hidden = true;
  player.hidden = false;

  const done = new Set();
  let stretchIndex = 0, blockIndex = 0, rep = 1;
  let running = false, paused = false, remainingMs = 0, deadline = 0, tick = null, wakeLock = null;

  const stretch = () => plan.stretches[stretchIndex];
  const block = () => stretch().blocks[blockIndex];
  const say = (text) => { ui.announce.textContent = text; };

  function sideText(b) {
    return b.side ? `${b.side} side` : "";
  }

  function cueText(b) {
    const parts = [];
    if (b.side) parts.push(sideText(b).replace(/^./, (c) => c.toUpperCase()));
    if (b.sets > 1) parts.push(`set ${b.set} of ${b.sets}`);
    if (b.reps > 1) parts.push(`rep ${rep} of ${b.reps}`);
    return parts.join(", ");
  }

  function showStretch() {
    const s = stretch();
    ui.progress.textContent = `Stretch ${stretchIndex + 1} of ${plan.stretches.length}`;
    ui.title.textContent = s.title;
    ui.dosage.textContent = s.dosage;
    ui.steps.replaceChildren(...s.steps.map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }));
    ui.stop.replaceChildren(...s.stopIf.map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }));
    ui.back.disabled = stretchIndex === 0 && blockIndex === 0;
    showBlock();
  }

  function showBlock() {
    const b = block();
    ui.cue.textContent = cueText(b);
    ui.rep.hidden = !running || b.holdMs !== null;
    ui.timer.textContent = b.holdMs !== null ? formatMs(b.holdMs) : `${rep - 1} / ${b.reps}`;
  }

  function formatMs(ms) {
    return `${Math.ceil(ms / 1000)} s`;
  }

  function beginRep() {
    const b = block();
    showBlock();
    say(`${stretch().title}. ${cueText(b)}${b.holdMs !== null ? `. Hold ${formatMs(b.holdMs)}` : ""}`);
    if (b.holdMs !== null) {
      startTimer(b.holdMs);
    }
  }

  function startTimer(ms) {
    clearInterval(tick);
    remainingMs = ms;
    deadline = performance.now() + ms;
    tick = setInterval(onTick, Math.min(250, Math.max(10, ms / 4)));
  }

  function onTick() {
    remainingMs = deadline - performance.now();
    if (remainingMs <= 0) {
      clearInterval(tick);
      ui.timer.textContent = "0 s";
      if (ui.beep.checked) beep();
      nextRep();
    } else {
      ui.timer.textContent = formatMs(remainingMs);
    }
  }

  function nextRep() {
    const b = block();
    if (rep < b.reps) {
      rep += 1;
      beginRep();
      return;
    }
    rep = 1;
    if (blockIndex < stretch().blocks.length - 1) {
      blockIndex += 1;
      const next = block();
      if (next.side && next.side !== b.side) say(`Switch to the ${next.side} side`);
      beginRep();
      return;
    }
    done.add(stretch().slug);
    nextStretch();
  }

  function nextStretch() {
    clearInterval(tick);
    blockIndex = 0;
    rep = 1;
    if (stretchIndex < plan.stretches.length - 1) {
      stretchIndex += 1;
      showStretch();
      if (running) beginRep();
    } else {
      finish();
    }
  }

  function finish() {
    running = false;
    clearInterval(tick);
    releaseWakeLock();
    card.hidden = true;
    ui.finish.hidden = false;
    for (const box of ui.finish.querySelectorAll("input[type=checkbox]")) {
      box.checked = done.has(box.value);
    }
    ui.summary.textContent = `You did ${done.size} of ${plan.stretches.length} stretches. Log the session to keep your streak.`;
    say("Session complete. " + ui.summary.textContent);
    ui.finish.querySelector("button[type=submit]").focus();
  }

  function start() {
    running = true;
    paused = false;
    ui.start.hidden = true;
    ui.pause.hidden = false;
    requestWakeLock();
    showStretch();
    beginRep();
  }

  function togglePause() {
    if (!running) {
      start();
      return;
    }
    paused = !paused;
    ui.pause.textContent = paused ? "Resume" : "Pause";
    if (paused) {
      clearInterval(tick);
      remainingMs = deadline - performance.now();
      say("Paused");
    } else {
      say("Resumed");
      if (block().holdMs !== null) startTimer(Math.max(remainingMs, 0));
    }
  }

  function back() {
    clearInterval(tick);
    rep = 1;
    if (blockIndex > 0) {
      blockIndex = 0;
    } else if (stretchIndex > 0) {
      stretchIndex -= 1;
      done.delete(stretch().slug);
    }
    showStretch();
    if (running && !paused) beginRep();
  }

  function countRep() {
    if (!running || paused || block().holdMs !== null) return;
    ui.timer.textContent = `${rep} / ${block().reps}`;
    nextRep();
  }

  function beep() {
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      tone.frequency.value = 880;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.15);
    } catch {
      // No audio: the visible timer and the live announcement still say the hold ended.
    }
  }

  async function requestWakeLock() {
    try {
      wakeLock = await navigator.wakeLock?.request("screen");
    } catch {
      wakeLock = null; // Not allowed here (battery saver, permissions): the session still works.
    }
  }

  function releaseWakeLock() {
    wakeLock?.release();
    wakeLock = null;
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && running) requestWakeLock();
  });

  ui.start.addEventListener("click", start);
  ui.pause.addEventListener("click", togglePause);
  ui.skip.addEventListener("click", nextStretch);
  ui.back.addEventListener("click", back);
  ui.rep.addEventListener("click", countRep);
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("input, textarea, select") || !ui.finish.hidden) return;
    // On a focused button or link, Space and Enter keep their usual meaning (activate it).
    const onControl = event.target.closest("button, a, summary");
    if (event.key === " " && !onControl) {
      event.preventDefault();
      togglePause();
    } else if (event.key === "Enter" && !onControl) {
      countRep();
    } else if (event.key === "ArrowRight") {
      nextStretch();
    } else if (event.key === "ArrowLeft") {
      back();
    }
  });

  showStretch();
})();
