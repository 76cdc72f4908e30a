/**
 * The renderer fills inputs through DOM properties (value, checked, selected), which outerHTML does
 * not carry; copies them into attributes so the saved page shows a member's answer as Teams does.
 */
export function freezeFormState(root: Element): void {
  for (const input of root.querySelectorAll("input")) {
    if (input.type === "radio" || input.type === "checkbox") input.toggleAttribute("checked", input.checked);
    else input.setAttribute("value", input.value);
  }
  for (const area of root.querySelectorAll("textarea")) area.textContent = area.value;
  for (const option of root.querySelectorAll("option")) option.toggleAttribute("selected", option.selected);
}
