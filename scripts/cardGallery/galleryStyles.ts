/** Width of a card in the Teams desktop client's message list, in CSS pixels. */
export const CARD_WIDTH_PX = 450;
/** The full-page screenshot's width: three cards side by side. */
export const PAGE_WIDTH_PX = 1500;
/** Space around a card in its own page (and so in its PNG). */
export const CARD_MARGIN_PX = 16;

/**
 * Teams-like chrome around the renderer's HTML: the light theme's grey canvas, a white message
 * bubble, and Fluent-style buttons and inputs (the adaptivecards package leaves those to the host).
 */
export const GALLERY_CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #f5f5f5; color: #242424; font: 14px/1.43 'Segoe UI', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', 'DejaVu Sans', sans-serif; }
body.single { padding: ${CARD_MARGIN_PX}px; }
header { padding: 24px 32px 8px; max-width: ${PAGE_WIDTH_PX}px; }
header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 600; }
header p { margin: 4px 0; color: #616161; }
section { padding: 8px 32px 24px; }
section h2 { font-size: 18px; font-weight: 600; margin: 16px 0 12px; border-bottom: 2px solid #5b5fc7; display: inline-block; }
.entries { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.entry { margin: 0; width: ${CARD_WIDTH_PX}px; }
.entry figcaption { margin-bottom: 8px; }
.entry h3 { margin: 0; font-size: 14px; font-weight: 600; }
.entry p { margin: 2px 0; font-size: 12px; color: #616161; }
.entry code { font-family: Consolas, 'DejaVu Sans Mono', monospace; background: #e8e8e8; padding: 0 3px; border-radius: 3px; }
.problems { margin: 8px 0 0; padding-left: 18px; font-size: 12px; }
.problems .error { color: #c4314b; font-weight: 600; }
.problems .warning { color: #835c00; }
.teams-card { width: ${CARD_WIDTH_PX}px; background: #fff; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); overflow: hidden; }
.teams-card form { margin: 0; }
.ac-adaptiveCard:focus { outline: none; }
.ac-pushButton { font: inherit; font-weight: 600; font-size: 14px; color: #242424; background: #fff; border: 1px solid #d1d1d1; border-radius: 4px; min-height: 32px; padding: 4px 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; cursor: pointer; }
.ac-pushButton.style-positive { background: #5b5fc7; border-color: #5b5fc7; color: #fff; }
.ac-pushButton.style-destructive { color: #c4314b; border-color: #c4314b; }
.ac-input { font: inherit; color: #242424; }
.ac-textInput, select.ac-input { width: 100%; background: #fff; border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; padding: 5px 10px; min-height: 32px; }
.ac-textInput.ac-multiline { min-height: 64px; resize: vertical; }
.ac-choiceSetInput-expanded input, .ac-choiceSetInput-multiSelect input { accent-color: #5b5fc7; margin: 3px 8px 0 0; flex: 0 0 auto; }
.ac-choiceSetInput-expanded > div, .ac-choiceSetInput-multiSelect > div { align-items: flex-start !important; margin-bottom: 4px; }
.ac-factset td { vertical-align: top; }
a { color: #5b5fc7; }
`;
