// The screen's look: made for a 1920×1080 wall, scaled with the viewport so a laptop shows the same layout.
export const SCREEN_CSS = `
body { margin: 0; background: #040d21; }
.lds-root {
  box-sizing: border-box; height: 100vh; width: 100vw; overflow: hidden; padding: 0 1.2vw 0.8vh;
  display: grid; grid-template-rows: auto auto minmax(0, 1fr) auto; gap: 1.2vh;
  color: #e6f0ff; font-family: 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
  background: radial-gradient(ellipse at 50% 0%, #12336b 0%, #071737 45%, #040d21 100%);
}
.lds-root *, .lds-root *::before, .lds-root *::after { box-sizing: border-box; }
.lds-center { display: grid; place-items: center; font-size: clamp(20px, 2vw, 36px); grid-template-rows: 1fr; }
.lds-header {
  display: grid; grid-template-columns: 1fr auto 1fr; align-items: center; padding: 1.4vh 0 1vh;
  border-bottom: 1px solid rgba(76, 201, 240, 0.35);
  background: linear-gradient(90deg, transparent, rgba(76, 201, 240, 0.12), transparent);
}
.lds-header-main { text-align: center; min-width: 0; }
.lds-header-side { display: flex; align-items: center; }
.lds-right { justify-content: flex-end; }
.lds-title {
  margin: 0; font-size: clamp(24px, 2.5vw, 50px); font-weight: 800; letter-spacing: 0.08em; line-height: 1.25;
  background: linear-gradient(180deg, #fff6d6 0%, #ffd166 60%, #f4a261 100%);
  -webkit-background-clip: text; background-clip: text; color: transparent;
  text-shadow: 0 0 24px rgba(255, 209, 102, 0.25);
}
.lds-subtitle { margin-top: 0.6vh; color: #9fc3ff; font-size: clamp(13px, 0.95vw, 19px); letter-spacing: 0.04em; }
.lds-clock { font-size: clamp(18px, 1.7vw, 34px); font-variant-numeric: tabular-nums; color: #cfe3ff; letter-spacing: 0.06em; }
.lds-status { display: inline-flex; align-items: center; gap: 8px; font-size: clamp(12px, 0.85vw, 16px); color: #9fc3ff; }
.lds-dot { width: 12px; height: 12px; border-radius: 50%; background: #f4a261; box-shadow: 0 0 8px currentColor; }
.lds-status-live .lds-dot { background: #7ae582; animation: lds-breathe 2s ease-in-out infinite; }
.lds-status-reconnecting .lds-dot { background: #ef476f; }
.lds-latency { color: #6f8fbf; margin-left: 6px; }
@keyframes lds-breathe { 50% { opacity: 0.35; } }
.lds-counters { display: grid; grid-template-columns: 1fr 1fr 1.5fr 1fr; gap: 1.2vw; }
.lds-counter {
  padding: 1.2vh 1.2vw; border-radius: 10px; text-align: center;
  background: linear-gradient(180deg, rgba(22, 56, 110, 0.75), rgba(9, 26, 58, 0.75));
  border: 1px solid rgba(76, 201, 240, 0.35); box-shadow: inset 0 0 24px rgba(76, 201, 240, 0.12);
}
.lds-counter-main { border-color: rgba(255, 209, 102, 0.6); box-shadow: inset 0 0 30px rgba(255, 209, 102, 0.15); }
.lds-counter-label { color: #9fc3ff; font-size: clamp(13px, 1vw, 20px); letter-spacing: 0.12em; }
.lds-counter-value {
  font-size: clamp(30px, 3.4vw, 68px); font-weight: 800; color: #4cc9f0; line-height: 1.15;
  font-variant-numeric: tabular-nums; text-shadow: 0 0 18px rgba(76, 201, 240, 0.45);
}
.lds-counter-main .lds-counter-value { color: #ffd166; text-shadow: 0 0 18px rgba(255, 209, 102, 0.45); }
.lds-unit { font-size: 0.4em; font-weight: 500; margin: 0 0.25em; color: #cfe3ff; text-shadow: none; }
.lds-body { display: grid; grid-template-columns: 1fr 1.45fr 1.05fr; gap: 1.2vw; min-height: 0; }
.lds-column { display: grid; grid-template-rows: 1fr 1fr; gap: 1.2vh; min-height: 0; }
.lds-panel {
  display: flex; flex-direction: column; min-height: 0; padding: 1vh 1vw; border-radius: 10px;
  background: rgba(10, 30, 68, 0.6); border: 1px solid rgba(76, 201, 240, 0.22);
}
.lds-panel h2 {
  margin: 0 0 0.8vh; font-size: clamp(14px, 1.05vw, 21px); font-weight: 600; color: #cfe3ff; letter-spacing: 0.1em;
  padding-left: 10px; border-left: 4px solid #ffd166;
}
.lds-chart { flex: 1; min-height: 0; position: relative; }
.lds-empty { display: grid; place-items: center; height: 100%; color: #6f8fbf; font-size: clamp(14px, 1vw, 20px); }
.lds-feed-panel { overflow: hidden; }
.lds-feed {
  list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.9vh; overflow: hidden;
  /* The list runs on below the panel: fade it out rather than cut an item in half. */
  mask-image: linear-gradient(to bottom, #000 82%, transparent); -webkit-mask-image: linear-gradient(to bottom, #000 82%, transparent);
}
.lds-item {
  padding: 0.9vh 0.8vw; border-radius: 8px; background: rgba(22, 56, 110, 0.45);
  border: 1px solid rgba(76, 201, 240, 0.15); animation: lds-slide 0.6s ease-out;
}
.lds-item-new {
  background: linear-gradient(90deg, rgba(255, 209, 102, 0.28), rgba(255, 209, 102, 0.06));
  border-color: #ffd166; animation: lds-slide 0.6s ease-out, lds-glow 1.6s ease-in-out infinite;
}
@keyframes lds-slide { from { transform: translateX(60px); opacity: 0; } to { transform: none; opacity: 1; } }
@keyframes lds-glow { 50% { box-shadow: 0 0 22px rgba(255, 209, 102, 0.55); } }
.lds-item-top { display: flex; align-items: center; gap: 10px; font-size: clamp(12px, 0.8vw, 16px); color: #9fc3ff; }
.lds-time { font-variant-numeric: tabular-nums; }
.lds-badge { background: #ffd166; color: #2b1b00; border-radius: 4px; padding: 0 6px; font-weight: 700; }
.lds-amount { margin-left: auto; color: #ffd166; font-weight: 700; font-size: clamp(14px, 1vw, 20px); }
.lds-item-title {
  font-size: clamp(14px, 1vw, 20px); font-weight: 600; margin-top: 2px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.lds-item-parties, .lds-item-place {
  font-size: clamp(12px, 0.8vw, 16px); color: #b7cdf0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.lds-item-place { color: #7f9cc7; }
.lds-footer { text-align: center; color: #6f8fbf; font-size: clamp(11px, 0.7vw, 14px); }
@media (max-width: 1000px) {
  .lds-root { height: auto; min-height: 100vh; overflow: visible; }
  .lds-counters { grid-template-columns: 1fr 1fr; }
  .lds-body { grid-template-columns: 1fr; }
  .lds-panel, .lds-column > .lds-panel { min-height: 320px; }
  .lds-header { grid-template-columns: 1fr; gap: 8px; text-align: center; }
  .lds-header-side { justify-content: center; }
}
`;
