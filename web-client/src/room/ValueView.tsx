import "./values.css";
import { countNodes, differingPaths, listText, MAX_DRAWN_NODES, parseArray, treeFromLevelOrder, type TreeNode } from "./trees";

/**
 * A test value drawn by its type when it has a shape worth seeing: a TreeNode as a tree, a
 * ListNode as `1 → 2 → 3`. Other types, and values that are not whole arrays, draw nothing (the
 * JSON text beside it says it all).
 *
 * @param other the value it is compared with, whose differing nodes are marked
 */
export function ValueView(props: { json: string | null | undefined; type: string | undefined; other?: string | null; label: string }) {
  const { type, label } = props;
  if (type !== "TreeNode" && type !== "ListNode") return null;
  const values = parseArray(props.json);
  if (!values) return null;
  if (type === "ListNode") {
    return (
      <p class="value-list" aria-label={`${label} as a linked list`}>
        {listText(values)}
      </p>
    );
  }
  const tree = treeFromLevelOrder(values);
  if (countNodes(tree) > MAX_DRAWN_NODES) return null;
  const otherValues = parseArray(props.other);
  const differing = otherValues ? differingPaths(tree, treeFromLevelOrder(otherValues)) : new Set<string>();
  return (
    <div class="value-tree" role="group" aria-label={`${label} as a tree`}>
      {tree ? (
        <ul class="tree">
          <TreeItem node={tree} side="" differing={differing} />
        </ul>
      ) : (
        <p class="muted">(empty tree)</p>
      )}
    </div>
  );
}

/** A node and its children as nested lists: a screen reader announces the nesting and the sides. */
function TreeItem({ node, side, differing }: { node: TreeNode; side: string; differing: Set<string> }) {
  const marked = differing.has(node.path);
  const leaf = !node.left && !node.right;
  return (
    <li data-path={node.path}>
      {side ? <span class="tree-side">{side}: </span> : null}
      {marked ? <mark class="tree-value">{String(node.value)}</mark> : <span class="tree-value">{String(node.value)}</span>}
      {leaf ? null : (
        <ul>
          {node.left ? <TreeItem node={node.left} side="L" differing={differing} /> : <EmptyChild side="L" />}
          {node.right ? <TreeItem node={node.right} side="R" differing={differing} /> : <EmptyChild side="R" />}
        </ul>
      )}
    </li>
  );
}

function EmptyChild({ side }: { side: string }) {
  return (
    <li class="tree-empty">
      <span class="tree-side">{side}: </span>
      <span aria-label="none">∅</span>
    </li>
  );
}
