// st.fragment(run_every=...) (runtime_wasm/streamlit/_fragment.py): fragment_timer,
// an invisible widget that reruns its fragment every `interval` seconds while it is on
// the page and the app is idle. Not an element family: the fragment is a run mode.

import { hidden } from "./dom.mjs";

export const FRAGMENT = {
  fragment_timer: {
    create: hidden,
    update(el, p, _prev, ctx) {
      clearInterval(el._timer);
      const ms = Math.max(Number(p.interval) || 1, 0.1) * 1000;
      el._timer = setInterval(() => {
        if (!el.isConnected) clearInterval(el._timer);
        else if (window.stc?.status === "idle") ctx.send([{ id: el._stc.id, value: true }]);
      }, ms);
    },
  },
};
