# Coderoom function-mode harness (Python). See io.coderoom.runner.agent.harness.Harness.
import json
import os
import sys
import time


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        return "ListNode(%r)" % (self.val,)


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self):
        return "TreeNode(%r)" % (self.val,)


# The most nodes a returned list or tree may have: a cycle would otherwise never end.
_MAX_NODES = 10_000_000


def _same(v):
    return v


def _split_type(text):
    """The key and value types of 'K,V' (the comma outside any <...>)."""
    depth = 0
    for i, c in enumerate(text):
        if c == "<":
            depth += 1
        elif c == ">":
            depth -= 1
        elif c == "," and depth == 0:
            return text[:i], text[i + 1 :]
    raise ValueError("malformed map type " + text)


def _to_list(values):
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def _to_tree(values):
    if not values or values[0] is None:
        return None
    root = TreeNode(values[0])
    level = [root]
    i = 1
    while level and i < len(values):
        nxt = []
        for node in level:
            if i < len(values) and values[i] is not None:
                node.left = TreeNode(values[i])
                nxt.append(node.left)
            i += 1
            if i < len(values) and values[i] is not None:
                node.right = TreeNode(values[i])
                nxt.append(node.right)
            i += 1
        level = nxt
    return root


def _converter(text):
    """A function turning a JSON value of the type into the native value candidates expect."""
    text = text.replace(" ", "")
    if not any(t in text for t in ("ListNode", "TreeNode", "map<", "double")):
        # JSON's own value already is the native one: large inputs are not copied.
        return _same
    if text.endswith("[]"):
        element = _converter(text[:-2])
        return lambda v: None if v is None else [element(e) for e in v]
    if text.startswith("map<"):
        k, val = _split_type(text[4:-1])
        key = int if k in ("int", "long") else str
        value = _converter(val)
        return lambda v: None if v is None else {key(a): value(b) for a, b in v.items()}
    if text == "double":
        return lambda v: None if v is None else float(v)
    if text == "ListNode":
        return _to_list
    if text == "TreeNode":
        return _to_tree
    return lambda v: v


def _plain(v):
    """A returned value as JSON-ready data: lists and trees as arrays, map keys as text."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if v == v and v not in (float("inf"), float("-inf")) else None
    if hasattr(v, "val") and hasattr(v, "next"):
        out = []
        while v is not None:
            if len(out) >= _MAX_NODES:
                raise ValueError("the returned list has a cycle or more than %d nodes" % _MAX_NODES)
            out.append(_plain(v.val))
            v = v.next
        return out
    if hasattr(v, "val") and hasattr(v, "left") and hasattr(v, "right"):
        out = []
        queue = [v]
        k = 0
        while k < len(queue):
            node = queue[k]
            k += 1
            if node is None:
                out.append(None)
                continue
            if len(queue) > 2 * _MAX_NODES:
                raise ValueError("the returned tree has a cycle or more than %d nodes" % _MAX_NODES)
            out.append(_plain(node.val))
            queue.append(node.left)
            queue.append(node.right)
        while out and out[-1] is None:
            out.pop()
        return out
    if isinstance(v, dict):
        return {(json.dumps(a) if isinstance(a, bool) else str(a)): _plain(b) for a, b in v.items()}
    if isinstance(v, (list, tuple, set, frozenset)) or hasattr(v, "__iter__"):
        return [_plain(e) for e in v]
    return v


def _outputter(text):
    """A function turning a returned value of the type into JSON-ready data."""
    text = text.replace(" ", "")
    if not any(t in text for t in ("ListNode", "TreeNode", "map<", "void")):
        # json.dumps writes these as they are: large results are not copied.
        return _same
    if text.endswith("[]"):
        element = _outputter(text[:-2])
        return lambda v: None if v is None else [element(e) for e in v]
    if text.startswith("map<"):
        value = _outputter(_split_type(text[4:-1])[1])
        return lambda v: None if v is None else {str(a): value(b) for a, b in v.items()}
    if text == "void":
        return lambda v: None
    if text in ("ListNode", "TreeNode"):
        # None is the empty list or tree.
        return lambda v: [] if v is None else _plain(v)
    return _plain


def _coderoom_main():
    with open("/tmp/.coderoom-nonce") as f:
        nonce = f.read().strip()
    os.unlink("/tmp/.coderoom-nonce")
    out = sys.stdout
    write = out.write
    flush = out.flush
    # One case per line, [index, [arguments...]], each sent once the previous case has reported;
    # an empty line ends the run.
    read_case = sys.stdin.readline
    leave = os._exit
    signature = json.loads('__SIGNATURE__')
    name = signature["name"]
    # LeetCode's code uses these without importing or declaring them.
    import builtins
    import typing

    builtins.ListNode = ListNode
    builtins.TreeNode = TreeNode
    for hint in ("List", "Optional", "Dict", "Set", "Tuple"):
        setattr(builtins, hint, getattr(typing, hint))
    # The candidate's code loads only now, after the nonce is gone from the file system.
    import solution

    if signature["kind"] == "design":
        cls = getattr(solution, name, None)
        build = [_converter(t) for t in signature["constructor"]]
        methods = {
            m: ([_converter(t) for t in spec["params"]], _outputter(spec["returns"]))
            for m, spec in signature["methods"].items()
        }

        def call(args):
            names, arguments = args
            if not isinstance(cls, type):
                raise NameError("no class %s found" % name)
            results = []
            instance = None
            for k, (called, given) in enumerate(zip(names, arguments)):
                try:
                    if k == 0:
                        instance = cls(*[c(a) for c, a in zip(build, given)])
                        results.append(None)
                    else:
                        convert, output = methods[called]
                        method = getattr(instance, called)
                        results.append(output(method(*[c(a) for c, a in zip(convert, given)])))
                except Exception as e:
                    raise RuntimeError(
                        "call %d, %s(%s): %s: %s"
                        % (k, called, json.dumps(given)[1:-1], type(e).__name__, e)
                    ) from None
            return results

    else:
        fn = getattr(solution, name, None)
        if fn is None and hasattr(solution, "Solution"):
            fn = getattr(solution.Solution(), name, None)
        convert = [_converter(t) for t in signature["params"]]
        output = _outputter(signature["returns"])

        def call(args):
            if fn is None:
                raise NameError("no function %s (nor method of class Solution) found" % name)
            return output(fn(*[c(a) for c, a in zip(convert, args)]))

    while True:
        line = read_case()
        if not line.strip():
            break
        i, args = json.loads(line)
        started = time.perf_counter()
        try:
            payload = json.dumps(call(args))
            status = "ok"
        except Exception as e:
            status = "error"
            if isinstance(e, RuntimeError) and signature["kind"] == "design":
                payload = json.dumps(str(e))
            else:
                payload = json.dumps("%s: %s" % (type(e).__name__, e))
        ms = (time.perf_counter() - started) * 1000
        flush()
        write("\n\x1e%s:%d:%s:%.3f:%s\n" % (nonce, i, status, ms, payload))
        flush()
    # Every case has reported: threads or timers the candidate's code left behind end here.
    flush()
    leave(0)


_coderoom_main()
