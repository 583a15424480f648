/**
 * One linear pass over the DOM that answers, in O(1) afterwards, the questions the HTML rules ask
 * about a subtree: how much visible text it holds, whether it holds an image, and where it stands
 * in document order. Asking them by walking the subtree each time is quadratic on deep nesting
 * (200,000 nested `<div>`s: every level would walk every level below it).
 */
import { isTag, isText, type AnyNode, type Element } from 'domhandler';

/** Elements whose text nodes are code, not visible text. */
export const NON_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template']);

/** Per-element facts about the subtree under it. */
export interface TreeIndex {
  /** Elements under the root (the root included), in document order (pre-order). */
  preorder: Element[];
  /** Characters of visible text under each element (trimmed text nodes, code elements skipped). */
  textLen: Map<Element, number>;
  /** Elements with an `<img>` or `<picture>` somewhere below them. */
  withImage: Set<Element>;
  /** Document order of each element (its index in `preorder`). */
  order: Map<Element, number>;
}

/**
 * Index the tree under `root`: iterative pre-order, then one reverse sweep that adds each element's
 * totals into its parent (in reverse pre-order every element comes after all of its descendants).
 */
export function indexTree(root: Element): TreeIndex {
  const preorder: Element[] = [];
  const order = new Map<Element, number>();
  const own = new Map<Element, number>();
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop();
    if (!el) break;
    order.set(el, preorder.length);
    preorder.push(el);
    if (NON_TEXT_TAGS.has(el.name)) continue;
    let text = 0;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i] as AnyNode;
      if (isTag(c)) stack.push(c);
      else if (isText(c)) text += c.data.trim().length;
    }
    if (text > 0) own.set(el, text);
  }
  const textLen = new Map<Element, number>();
  const withImage = new Set<Element>();
  for (let i = preorder.length - 1; i >= 0; i--) {
    const el = preorder[i] as Element;
    const total = (textLen.get(el) ?? 0) + (own.get(el) ?? 0);
    textLen.set(el, total);
    const image = withImage.has(el);
    if (el === root) continue;
    const parent = el.parent;
    if (!parent || !isTag(parent) || !order.has(parent)) continue;
    if (total > 0) textLen.set(parent, (textLen.get(parent) ?? 0) + total);
    if (image || el.name === 'img' || el.name === 'picture') withImage.add(parent);
  }
  return { preorder, textLen, withImage, order };
}

/** Every element inside one of `containers` (the containers included), found in one walk each. */
export function elementsInside(containers: readonly Element[]): Set<Element> {
  const inside = new Set<Element>();
  for (const c of containers) {
    if (inside.has(c)) continue;
    const stack: Element[] = [c];
    while (stack.length > 0) {
      const el = stack.pop();
      if (!el || inside.has(el)) continue;
      inside.add(el);
      for (const k of el.children) if (isTag(k)) stack.push(k);
    }
  }
  return inside;
}

/**
 * Text of a subtree, giving up (null) after `maxNodes` nodes: a title candidate with 250 characters
 * of text can still sit on 200,000 empty elements, and reading it must not cost that much each time.
 */
export function boundedText(node: Element, maxNodes: number): string | null {
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  let seen = 0;
  while (stack.length > 0) {
    const cur = stack.pop();
    if (!cur) break;
    if (++seen > maxNodes) return null;
    if (isText(cur)) parts.push(cur.data);
    else if (isTag(cur) && !NON_TEXT_TAGS.has(cur.name)) for (let i = cur.children.length - 1; i >= 0; i--) stack.push(cur.children[i] as AnyNode);
  }
  return parts.join(' ');
}
