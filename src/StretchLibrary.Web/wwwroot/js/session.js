// Guided session player. The page works without this file (one stretch per page); with it, one page walks
// through every stretch with no input after Start: a get-ready countdown before each, holds count down with a
// relax between held reps, reps are paced out and back in the stretch's tempo and counted aloud, a pause to
// switch sides or relax between sets, cues spoken and beeped (with a mute) and vibrated, and the end logs it.
// A person who would rather count for themselves chooses "I'll tap for each rep" once; it is remembered.
// The place in the session (and the pain-before answer) is kept in localStorage until the session is logged or
// started over, so a reload, a locked phone or an evicted tab offers to resume there.
//
// The player's state is on the element as data-phase (idle, ready, switch, rest, hold, relax, reps, done), and
// each change is also sent as a "session:phase" event on it (for paced reps with step "move" or "return" and
// the milliseconds it lasts), so other code (the animated figure) can follow along without reaching into here.
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
    left: $("left"), pausedLabel: $("paused-label"), steps: $("steps"), rep: $("rep"), back: $("back"), start: $("start"),
    pause: $("pause"), skip: $("skip"), mute: $("mute"), painField: $("pain-field"), painNow: $("pain-now"),
    tapField: $("tap-field"), tap: $("tap"), resume: $("resume"), resumeText: $("resume-text"), resumeYes: $("resume-yes"),
    resumeNo: $("resume-no"), announce: $("announce"), finish: $("finish"), summary: $("summary"), stop: $("stop"),
  };
  const card = ui.title.closest("section");
  document.querySelector("[data-session-static]").hidden = true;
  player.hidden = false;

  // ---- Remembered choices and the saved place ----

  const storage = {
    get(key) {
      try {
        return localStorage.getItem(key);
      } catch {
        return null; // Storage blocked: nothing is remembered, the session still works.
      }
    },
    set(key, value) {
      try {
        localStorage.setItem(key, value);
      } catch {
        // Not remembered; the choice still holds on this page.
      }
    },
    remove(key) {
      try {
        localStorage.removeItem(key);
      } catch {
        // Nothing to forget.
      }
    },
  };
  const tapKey = "stretchlibrary.session.tap";
  const placeKey = `stretchlibrary.session.place.${plan.routineId}`;

  const capitalise = (text) => text.replace(/^./, (c) => c.toUpperCase());
  const formatMs = (ms) => `${Math.ceil(Math.max(ms, 0) / 1000)} s`;
  const hasPacedReps = plan.stretches.some((s) => s.blocks.some((b) => b.moveMs !== null));

  // ---- The session as a list of phases, each with what to show and say ----

  let tapReps = storage.get(tapKey) === "1";
  let phases = [], after = [];

  function where(b) {
    const parts = [];
    if (b.side) parts.push(`${b.side} side`);
    if (b.sets > 1) parts.push(`set ${b.set} of ${b.sets}`);
    return parts;
  }

  function buildPhases() {
    phases = [];
    plan.stretches.forEach((s, si) => s.blocks.forEach((b, bi) => {
      const at = { si, bi, reps: b.reps };
      if (b.pause) {
        phases.push({
          ...at, rep: 1, kind: b.pause.kind, ms: b.pause.ms, cue: b.pause.text,
          live: b.pause.kind === "ready" ? `${s.title}. ${b.pause.text}` : b.pause.text,
          signal: b.pause.kind === "switch" ? "switch" : "soft",
        });
      }
      for (let rep = 1; rep <= b.reps; rep++) {
        const place = where(b);
        const count = b.reps > 1 ? `rep ${rep} of ${b.reps}` : null;
        if (b.holdMs !== null) {
          const cue = capitalise([...place, count].filter(Boolean).join(", "));
          phases.push({
            ...at, rep, kind: "hold", ms: b.holdMs, cue, signal: "go",
            live: [s.title, cue, `Hold ${formatMs(b.holdMs)}`].filter(Boolean).join(". "),
            spoken: rep === 1 ? [cue || s.title, `hold ${Math.ceil(b.holdMs / 1000)} seconds`].join(", ") : cue,
          });
          if (b.relaxMs !== null && rep < b.reps) {
            phases.push({ ...at, rep, kind: "relax", ms: b.relaxMs, cue: "Relax", live: "Relax", signal: "soft" });
          }
        } else if (tapReps) {
          const cue = capitalise([...place, count].filter(Boolean).join(", "));
          phases.push({
            ...at, rep, kind: "reps", step: null, ms: null, estimateMs: b.moveMs + b.returnMs, cue, signal: "go",
            live: [s.title, cue, "Count your reps"].filter(Boolean).join(". "),
            spoken: rep === 1 ? `${cue || s.title}, count your reps` : cue,
          });
        } else {
          // "Turn ... and back, 3 of 10": the count comes with the way back, when the rep is done.
          const lead = place.length > 0 ? `${capitalise(place.join(", "))}: ` : "";
          const move = capitalise(s.moveWord);
          phases.push({
            ...at, rep, kind: "reps", step: "move", ms: b.moveMs, cue: `${lead}${move} …`, signal: rep === 1 ? "go" : null,
            live: rep === 1 ? `${s.title}. ${lead}${b.reps} reps. ${move}` : move,
            spoken: rep === 1 ? `${lead}${move}` : move,
          });
          const back = `${s.returnWord}, ${rep} of ${b.reps}`;
          phases.push({ ...at, rep, kind: "reps", step: "return", ms: b.returnMs, cue: `${lead}… ${back}`, live: back, spoken: back });
        }
      }
    }));
    // after[i]: the planned milliseconds of every phase after phase i, for "time left".
    after = new Array(phases.length).fill(0);
    for (let i = phases.length - 2; i >= 0; i--) {
      after[i] = after[i + 1] + (phases[i + 1].ms ?? phases[i + 1].estimateMs);
    }
  }

  const firstOf = (si) => phases.findIndex((p) => p.si === si);

  // ---- What the person sees ----

  const done = new Set();
  let index = 0, shown = -1, running = false, paused = false, finished = false, phase = "idle";
  const timer = { remainingMs: 0, deadline: 0, tick: null, onEnd: null };
  const current = () => phases[index];

  function showStretch(si) {
    shown = si;
    const s = plan.stretches[si];
    ui.progress.textContent = `Stretch ${si + 1} of ${plan.stretches.length}`;
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
  }

  function showIdle() {
    showStretch(current().si);
    phase = "idle";
    player.dataset.phase = "idle";
    ui.cue.textContent = "Press Start when you are ready.";
    ui.timer.textContent = "";
    showLeft();
    showControls();
  }

  function setPhase(p) {
    phase = p.kind;
    ui.cue.textContent = p.cue;
    player.dataset.phase = p.kind;
    showControls();
  }

  // Sent once the phase is on screen and its countdown runs, so a listener sees it as the person does.
  function emit(p) {
    const b = plan.stretches[p.si].blocks[p.bi];
    player.dispatchEvent(new CustomEvent("session:phase", {
      detail: {
        phase: p.kind, slug: plan.stretches[p.si].slug, side: b.side, rep: p.rep, reps: p.reps,
        step: p.step ?? null, ms: p.kind === "hold" || p.kind === "relax" || p.step ? p.ms : null,
      },
    }));
  }

  // Only the controls that apply now are shown: Start (or Resume / Start over) before the session, then Pause;
  // Rep done while the person counts their own reps.
  function showControls() {
    const offering = !ui.resume.hidden;
    ui.start.hidden = running || offering;
    ui.painField.hidden = running || offering;
    ui.tapField.hidden = running || offering || !hasPacedReps;
    ui.pause.hidden = !running;
    ui.skip.hidden = offering;
    ui.timer.hidden = !running;
    ui.pausedLabel.hidden = !(running && paused);
    player.dataset.paused = String(running && paused);
    ui.rep.hidden = !running || paused || phase !== "reps" || current().step !== null;
    ui.back.hidden = !running || (current().si === 0 && index === 0);
  }

  // Before Start: the whole session's length. While it runs: the time left, which stops while paused.
  function showLeft() {
    const ms = (running && current().ms !== null ? Math.max(timer.remainingMs, 0) : current().ms ?? current().estimateMs) + after[index];
    const seconds = Math.ceil(ms / 1000);
    if (running) {
      ui.left.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")} left`;
    } else {
      ui.left.textContent = `About ${seconds >= 60 ? `${Math.round(seconds / 60)} min` : `${seconds} s`} in all`;
    }
  }

  // ---- Walking the phases ----

  function enter(i) {
    stopTimer();
    if (i >= phases.length) {
      finish();
      return;
    }
    index = i;
    const p = current();
    if (p.si !== shown) showStretch(p.si);
    ui.timer.textContent = p.ms === null ? `${p.rep - 1} / ${p.reps}` : p.step ? `${p.rep} of ${p.reps}` : formatMs(p.ms);
    setPhase(p);
    announce(p.live, p.spoken ?? p.live);
    if (p.signal) signal(p.signal);
    save();
    if (p.ms === null) {
      showLeft();
    } else {
      countDown(p.ms, advance);
    }
    emit(p);
  }

  function advance() {
    const p = current();
    const next = phases[index + 1];
    if (!next || next.si !== p.si) done.add(plan.stretches[p.si].slug);
    enter(index + 1);
  }

  // Picking up a saved place mid-stretch: a short get-ready countdown first, so there is time to get back into position.
  function getReadyThen(i) {
    const p = phases[i];
    if (p.kind !== "hold" && p.kind !== "reps" && p.kind !== "relax") {
      enter(i);
      return;
    }
    index = i;
    showStretch(p.si);
    const ready = { ...p, kind: "ready", step: null, cue: "Get ready", live: `${plan.stretches[p.si].title}. Get ready`, spoken: undefined };
    const ms = phases[0].kind === "ready" ? phases[0].ms : 5000;
    ui.timer.textContent = formatMs(ms);
    setPhase(ready);
    announce(ready.live);
    signal("soft");
    countDown(ms, () => enter(i));
    emit(ready);
  }

  function nextStretch() {
    stopTimer();
    const next = firstOf(current().si + 1);
    if (next < 0) {
      finish();
    } else if (running) {
      unpause();
      enter(next);
    } else {
      index = next;
      showIdle();
    }
  }

  // Back restarts the current stretch; at its very start it goes to the stretch before.
  function back() {
    const si = current().si;
    const target = index > firstOf(si) || si === 0 ? firstOf(si) : firstOf(si - 1);
    done.delete(plan.stretches[phases[target].si].slug);
    if (running) {
      unpause();
      enter(target);
    } else {
      index = target;
      showIdle();
    }
  }

  function countRep() {
    if (!running || paused || phase !== "reps" || current().step !== null) return;
    ui.timer.textContent = `${current().rep} / ${current().reps}`;
    advance();
  }

  // ---- The countdown shared by pauses, holds, relaxes and paced reps ----

  function countDown(ms, onEnd) {
    stopTimer();
    timer.onEnd = onEnd;
    timer.remainingMs = ms;
    timer.deadline = performance.now() + ms;
    timer.tick = setInterval(onTick, Math.min(250, Math.max(10, ms / 4)));
    showLeft();
  }

  function onTick() {
    timer.remainingMs = timer.deadline - performance.now();
    if (timer.remainingMs <= 0) {
      const onEnd = timer.onEnd;
      stopTimer();
      onEnd?.();
      return;
    }
    if (!current().step && phase !== "idle") ui.timer.textContent = formatMs(timer.remainingMs);
    showLeft();
  }

  function stopTimer() {
    clearInterval(timer.tick);
    timer.tick = null;
    timer.onEnd = null;
  }

  // ---- Start, pause, resume a saved place, finish ----

  function start() {
    ui.resume.hidden = true;
    running = true;
    paused = false;
    finished = false;
    unlockAudio();
    requestWakeLock();
    enter(index);
    ui.pause.focus();
  }

  function unpause() {
    paused = false;
    ui.pause.textContent = "Pause";
  }

  function togglePause() {
    if (!ui.resume.hidden) {
      resume();
      return;
    }
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

  function save() {
    const p = current();
    storage.set(placeKey, JSON.stringify({
      version: plan.version, si: p.si, bi: p.bi, rep: p.rep, finished, pain: ui.painNow.value, done: [...done],
    }));
  }

  function saved() {
    try {
      const place = JSON.parse(storage.get(placeKey));
      return place?.version === plan.version && plan.stretches[place.si]?.blocks[place.bi] ? place : null;
    } catch {
      return null;
    }
  }

  function offerResume() {
    const place = saved();
    if (!place) {
      storage.remove(placeKey); // A place in an older version of this routine: it no longer fits.
      return;
    }
    ui.resumeText.textContent = place.finished
      ? "You finished this session but did not log it yet. Go back to the log form?"
      : `Resume at stretch ${place.si + 1} of ${plan.stretches.length}?`;
    ui.resume.hidden = false;
    ui.cue.textContent = "";
  }

  function resume() {
    const place = saved();
    ui.resume.hidden = true;
    if (!place) {
      showIdle();
      return;
    }
    place.done.forEach((slug) => done.add(slug));
    ui.painNow.value = place.pain ?? "";
    if (place.finished) {
      finish();
      return;
    }
    const at = phases.findIndex((p) => p.si === place.si && p.bi === place.bi && p.rep === place.rep);
    running = true;
    paused = false;
    unlockAudio();
    requestWakeLock();
    getReadyThen(Math.max(at, firstOf(place.si)));
    ui.pause.focus();
  }

  function startOver() {
    storage.remove(placeKey);
    ui.resume.hidden = true;
    index = 0;
    done.clear();
    showIdle();
    ui.start.focus();
  }

  function finish() {
    running = false;
    finished = true;
    paused = false;
    stopTimer();
    releaseWakeLock();
    save();
    card.hidden = true;
    ui.finish.hidden = false;
    player.dataset.phase = "done";
    player.dataset.paused = "false";
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
  let muted = storage.get(muteKey) === "1", audio = null;

  function showMute() {
    ui.mute.setAttribute("aria-pressed", String(muted));
  }

  function toggleMute() {
    muted = !muted;
    storage.set(muteKey, muted ? "1" : "0");
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
  ui.resumeYes.addEventListener("click", resume);
  ui.resumeNo.addEventListener("click", startOver);
  ui.tap.checked = tapReps;
  ui.tap.addEventListener("change", () => {
    tapReps = ui.tap.checked;
    storage.set(tapKey, tapReps ? "1" : "0");
    const si = current().si;
    buildPhases();
    index = firstOf(si);
    showLeft();
  });
  // Logged (online, or queued offline): the saved place is done with.
  ui.finish.querySelector("form")?.addEventListener("submit", (event) => {
    if (event.target.querySelector("input[type=checkbox]:checked")) storage.remove(placeKey);
  });
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("input, textarea, select") || !ui.finish.hidden) return;
    // On a focused button or link, Space and Enter keep their usual meaning (activate it).
    const onControl = event.target.closest("button, a, summary");
    if (event.key === " " && !onControl) {
      event.preventDefault();
      togglePause();
    } else if (event.key === "Enter" && !onControl) {
      countRep();
    } else if (event.key === "ArrowRight" && ui.resume.hidden) {
      nextStretch();
    } else if (event.key === "ArrowLeft" && ui.resume.hidden) {
      back();
    }
  });

  buildPhases();
  showMute();
  showIdle();
  offerResume();
  showControls();
})();
