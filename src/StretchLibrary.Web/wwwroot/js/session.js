// Guided session player. The page works without this file (one stretch per page); with it, one page walks
// through every stretch: a get-ready countdown before each, holds count down, reps are counted, a pause to
// switch sides or rest between sets, cues spoken and beeped (with a mute) and vibrated, and the end logs it.
//
// The player's state is on the element as data-phase (idle, ready, switch, rest, hold, reps, done), and each
// change is also sent as a "session:phase" event on it, so other code (the animated figure) can follow along
// without reaching into this file.
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
    mute: $("mute"), painField: $("pain-field"), painNow: $("pain-now"), announce: $("announce"),
    finish: $("finish"), summary: $("summary"), stop: $("stop"),
  };
  const card = ui.title.closest("section");
  document.querySelector("[data-session-static]").hidden = true;
  player.hidden = false;

  const done = new Set();
  let stretchIndex = 0, blockIndex = 0, rep = 1, pausePending = true;
  let running = false, paused = false, phase = "idle";
  const timer = { remainingMs: 0, deadline: 0, tick: null, onEnd: null };

  const stretch = () => plan.stretches[stretchIndex];
  const block = () => stretch().blocks[blockIndex];
  const capitalise = (text) => text.replace(/^./, (c) => c.toUpperCase());

  // ---- What the person sees ----

  function cueText(b) {
    const parts = [];
    if (b.side) parts.push(capitalise(`${b.side} side`));
    if (b.sets > 1) parts.push(`set ${b.set} of ${b.sets}`);
    if (b.reps > 1) parts.push(`rep ${rep} of ${b.reps}`);
    return capitalise(parts.join(", "));
  }

  function formatMs(ms) {
    return `${Math.ceil(Math.max(ms, 0) / 1000)} s`;
  }

  function setPhase(next, cue) {
    phase = next;
    ui.cue.textContent = cue;
    player.dataset.phase = next;
    player.dispatchEvent(new CustomEvent("session:phase", {
      detail: { phase: next, slug: stretch().slug, side: block().side, ms: next === "hold" ? block().holdMs : null },
    }));
    showControls();
  }

  // Only the controls that apply now are shown: Start before the session, then Pause; Rep done while counting.
  function showControls() {
    ui.start.hidden = running;
    ui.painField.hidden = running;
    ui.pause.hidden = !running;
    ui.rep.hidden = !running || paused || phase !== "reps";
    ui.back.hidden = !running || (stretchIndex === 0 && blockIndex === 0 && phase !== "hold" && phase !== "reps");
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
    const b = block();
    ui.timer.textContent = b.holdMs !== null ? formatMs(b.holdMs) : `0 / ${b.reps}`;
    if (!running) setPhase("idle", "Press Start when you are ready.");
  }

  // ---- Pacing: pauses before blocks, holds, counted reps ----

  function runBlock() {
    const b = block();
    if (pausePending && b.pause) {
      setPhase(b.pause.kind, b.pause.text);
      announce(b.pause.kind === "ready" ? `${stretch().title}. ${b.pause.text}` : b.pause.text);
      signal(b.pause.kind === "switch" ? "switch" : "soft");
      ui.timer.textContent = formatMs(b.pause.ms);
      countDown(b.pause.ms, () => {
        pausePending = false;
        runBlock();
      });
      return;
    }
    pausePending = false;
    beginRep();
  }

  // The live region names the stretch every time (a screen reader user may have looked away); speech keeps to
  // the cue, and says the stretch only when a side or set begins.
  function beginRep() {
    const b = block();
    const cue = cueText(b);
    const title = stretch().title;
    const seconds = b.holdMs !== null ? Math.ceil(b.holdMs / 1000) : 0;
    if (b.holdMs !== null) {
      setPhase("hold", cue);
      announce([title, cue, `Hold ${formatMs(b.holdMs)}`].filter(Boolean).join(". "),
        rep === 1 ? [cue || title, `hold ${seconds} seconds`].join(", ") : cue);
      signal("go");
      ui.timer.textContent = formatMs(b.holdMs);
      countDown(b.holdMs, nextRep);
    } else {
      setPhase("reps", cue);
      announce([title, cue, "Count your reps"].filter(Boolean).join(". "), `${cue || title}, count your reps`);
      signal("go");
      ui.timer.textContent = `${rep - 1} / ${b.reps}`;
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
      pausePending = true;
      runBlock();
      return;
    }
    done.add(stretch().slug);
    nextStretch();
  }

  function nextStretch() {
    stopTimer();
    blockIndex = 0;
    rep = 1;
    pausePending = true;
    if (stretchIndex < plan.stretches.length - 1) {
      stretchIndex += 1;
      showStretch();
      if (running) {
        paused = false;
        ui.pause.textContent = "Pause";
        runBlock();
      }
    } else {
      finish();
    }
  }

  function back() {
    stopTimer();
    rep = 1;
    pausePending = true;
    if (blockIndex > 0 || phase === "hold" || phase === "reps") {
      blockIndex = 0;
    } else if (stretchIndex > 0) {
      stretchIndex -= 1;
      done.delete(stretch().slug);
    }
    showStretch();
    if (running) {
      paused = false;
      ui.pause.textContent = "Pause";
      runBlock();
    }
  }

  function countRep() {
    if (!running || paused || phase !== "reps") return;
    ui.timer.textContent = `${rep} / ${block().reps}`;
    nextRep();
  }

  // ---- The countdown shared by pauses and holds ----

  function countDown(ms, onEnd) {
    stopTimer();
    timer.onEnd = onEnd;
    timer.remainingMs = ms;
    timer.deadline = performance.now() + ms;
    timer.tick = setInterval(onTick, Math.min(250, Math.max(10, ms / 4)));
  }

  function onTick() {
    timer.remainingMs = timer.deadline - performance.now();
    if (timer.remainingMs <= 0) {
      const onEnd = timer.onEnd;
      stopTimer();
      ui.timer.textContent = "0 s";
      onEnd?.();
    } else {
      ui.timer.textContent = formatMs(timer.remainingMs);
    }
  }

  function stopTimer() {
    clearInterval(timer.tick);
    timer.tick = null;
    timer.onEnd = null;
  }

  // ---- Start, pause, finish ----

  function start() {
    running = true;
    paused = false;
    unlockAudio();
    requestWakeLock();
    showStretch();
    runBlock();
    ui.pause.focus();
  }

  function togglePause() {
    if (!running) {
      start();
      return;
    }
    paused = !paused;
    ui.pause.textContent = paused ? "Resume" : "Pause";
    if (paused) {
      timer.remainingMs = timer.deadline - performance.now();
      clearInterval(timer.tick);
      announce("Paused");
    } else {
      announce("Resumed");
      if (timer.onEnd) countDown(Math.max(timer.remainingMs, 0), timer.onEnd);
    }
    showControls();
  }

  function finish() {
    running = false;
    stopTimer();
    releaseWakeLock();
    card.hidden = true;
    ui.finish.hidden = false;
    player.dataset.phase = "done";
    player.dispatchEvent(new CustomEvent("session:phase", { detail: { phase: "done", slug: null, side: null, ms: null } }));
    for (const box of ui.finish.querySelectorAll("input[type=checkbox]")) {
      box.checked = done.has(box.value);
    }
    const before = ui.finish.querySelector("input[name='Input.PainBefore']");
    if (before && ui.painNow.value !== "") before.value = ui.painNow.value;
    ui.summary.textContent = `You did ${done.size} of ${plan.stretches.length} stretches. Log the session to keep your streak.`;
    announce("Session complete. " + ui.summary.textContent);
    signal("end");
    ui.finish.querySelector("button[type=submit]").focus();
  }

  // ---- Cues: the live region always; speech and beeps unless muted; vibration where supported ----

  const muteKey = "stretchlibrary.session.muted";
  let muted = false, audio = null;
  try {
    muted = localStorage.getItem(muteKey) === "1";
  } catch {
    // Storage blocked: sound stays on for this page.
  }

  function showMute() {
    ui.mute.setAttribute("aria-pressed", String(muted));
  }

  function toggleMute() {
    muted = !muted;
    try {
      localStorage.setItem(muteKey, muted ? "1" : "0");
    } catch {
      // Not remembered; the choice still holds for this session.
    }
    if (muted) window.speechSynthesis?.cancel();
    showMute();
  }

  function announce(text, spoken = text) {
    ui.announce.textContent = text;
    if (muted || !spoken || !window.speechSynthesis || !window.SpeechSynthesisUtterance) return;
    try {
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(spoken));
    } catch {
      // No speech here: the beeps and the screen still carry the cue.
    }
  }

  // Browsers only let audio start from a click or key press: make the context then, and reuse it.
  function unlockAudio() {
    try {
      audio ??= new AudioContext();
      if (audio.state === "suspended") audio.resume();
    } catch {
      audio = null;
    }
  }

  const patterns = {
    soft: { tones: [660], vibrate: [80] },
    go: { tones: [880], vibrate: [150] },
    switch: { tones: [660, 880], vibrate: [120, 80, 120] },
    end: { tones: [880, 660, 880], vibrate: [200, 100, 200] },
  };

  function signal(kind) {
    const pattern = patterns[kind];
    try {
      navigator.vibrate?.(pattern.vibrate);
    } catch {
      // Vibration not allowed here.
    }
    if (muted || !audio) return;
    pattern.tones.forEach((frequency, i) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      const at = audio.currentTime + i * 0.2;
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, at);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.15);
    });
  }

  // ---- Keeping the screen on ----

  let wakeLock = null;

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

  // ---- Wiring ----

  ui.start.addEventListener("click", start);
  ui.pause.addEventListener("click", togglePause);
  ui.skip.addEventListener("click", nextStretch);
  ui.back.addEventListener("click", back);
  ui.rep.addEventListener("click", countRep);
  ui.mute.addEventListener("click", toggleMute);
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

  showMute();
  showStretch();
})();
