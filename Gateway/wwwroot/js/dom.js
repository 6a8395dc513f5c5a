// Builds page elements from data without ever parsing data as HTML:
// every string becomes a text node, so "<script>" in a name is shown, never run.

/**
 * h("p", { class: "hint", id: "x" }, "text", otherNode)
 * Attributes whose value is null, undefined or false are left out; true gives an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside a container. */
export function replaceContent(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

let uniqueCounter = 0;

/** A page-unique id for label/description links. */
export function uniqueId(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}
