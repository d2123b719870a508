// Progressive enhancement only: every page works without this file.
// Tell the server the browser's time zone, so "today" and weeks follow the user's calendar.
document.addEventListener("DOMContentLoaded", () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    for (const input of document.querySelectorAll("input.js-tz")) {
      input.value = zone;
    }
  }
});

// Print buttons (on routine sheets) stay hidden without JavaScript; the browser's own Print works there too.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.js-print")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});

// Figure player (Pages/Routines/_FigurePlayer.cshtml): in a guided session the current stretch's figure moves
// between its frames, slow in and out, resting on each frame for the hold. A Pause button stops it; with
// prefers-reduced-motion (or paused) the still frames show instead. Kept apart from session.js on purpose.
document.addEventListener("DOMContentLoaded", () => {
  const player = document.querySelector("[data-session-player] [data-figure-player]");
  const title = document.querySelector("[data-session-player] [data-title]");
  if (!player || !title) {
    return;
  }

  const pause = player.querySelector("[data-figure-pause]");
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
  const cache = new Map();
  let current = null;
  let timer = null;
  let paused = false;

  const stop = () => {
    clearTimeout(timer);
    timer = null;
  };

  const still = (item, on) => {
    item.querySelector("[data-still]").hidden = !on;
    item.querySelector("[data-motion]").hidden = on;
  };

  const frames = (item) => {
    const slug = item.dataset.figureSlug;
    if (!cache.has(slug)) {
      const count = Number(item.dataset.motionCount);
      cache.set(slug, Promise.all(Array.from({ length: count }, (_, i) =>
        fetch(`/figures/${encodeURIComponent(slug)}/motion/${i}.svg`).then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.statusText)))))));
    }
    return cache.get(slug);
  };

  const run = async (item) => {
    stop();
    if (paused || reduced.matches || Number(item.dataset.motionCount) === 0) {
      still(item, true);
      return;
    }
    let drawings;
    try {
      drawings = await frames(item);
    } catch {
      still(item, true);
      return;
    }
    if (item !== current || paused) {
      return;
    }
    const steps = Number(item.dataset.steps);
    const hold = Math.max(Number(item.dataset.holdMs), 600);
    const motion = item.querySelector("[data-motion]");
    let index = 0;
    still(item, false);
    const tick = () => {
      motion.innerHTML = drawings[index];
      // Rest on each real frame for the hold; move between them in about 1.5 s.
      const delay = index % steps === 0 ? hold : 1500 / steps;
      index = (index + 1) % drawings.length;
      timer = setTimeout(tick, delay);
    };
    tick();
  };

  const sync = () => {
    const name = title.textContent.trim();
    let found = null;
    for (const item of player.querySelectorAll("[data-figure-title]")) {
      const match = item.dataset.figureTitle === name;
      item.hidden = !match;
      if (match) {
        found = item;
      }
    }
    pause.hidden = found === null || reduced.matches;
    if (found !== current) {
      current = found;
      stop();
      if (found) {
        run(found);
      }
    }
  };

  pause.addEventListener("click", () => {
    paused = !paused;
    pause.setAttribute("aria-pressed", String(paused));
    pause.textContent = paused ? "Play animation" : "Pause animation";
    if (current) {
      run(current);
    }
  });
  reduced.addEventListener("change", () => {
    sync();
    if (current) {
      run(current);
    }
  });
  new MutationObserver(sync).observe(title, { childList: true, characterData: true, subtree: true });
  sync();
});
