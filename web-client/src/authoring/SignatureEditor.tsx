import type { Authoring } from "./authoring";
import { CHECKERS, KINDS, moved, ORDERS, TYPES, type Draft, type Method, type Param } from "./draft";

/**
 * What the candidate writes, by kind: a function (its name, parameters, return type and how a
 * returned array is compared), a class (its name, the constructor's parameters and the methods),
 * or a whole program reading stdin (how its output is compared).
 */
export function SignatureEditor({ authoring, draft }: { authoring: Authoring; draft: Draft }) {
  const edit = authoring.edit.bind(authoring);
  return (
    <fieldset class="signature">
      <legend>Signature</legend>
      <datalist id="type-names">
        {TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <fieldset class="kind-choice">
        <legend>The candidate writes</legend>
        {KINDS.map(([kind, name]) => (
          <label key={kind} class="check">
            <input type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => authoring.setKind(kind)} />
            {name}
          </label>
        ))}
      </fieldset>
      {draft.kind === "function" ? (
        <>
          <div class="field-grid">
            <label for="problem-function">Function name</label>
            <input id="problem-function" value={draft.functionName} placeholder="twoSum" onInput={(e) => edit({ functionName: e.currentTarget.value })} />
            <label for="problem-returns">Return type</label>
            <input id="problem-returns" list="type-names" value={draft.returns} onInput={(e) => edit({ returns: e.currentTarget.value })} />
            <label for="problem-order">A returned array is compared</label>
            <select id="problem-order" value={draft.order || "exact"} onChange={(e) => edit({ order: e.currentTarget.value })}>
              {ORDERS.map(([order, name]) => (
                <option key={order} value={order}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <ParamsTable caption="Parameters" label="Parameter" params={draft.params} onChange={(params) => edit({ params })} addId="add-param" />
        </>
      ) : draft.kind === "design" ? (
        <DesignEditor authoring={authoring} draft={draft} />
      ) : (
        <>
          <div class="field-grid">
            <label for="problem-checker">The output is compared</label>
            <select id="problem-checker" value={draft.checker || "exact"} onChange={(e) => edit({ checker: e.currentTarget.value })}>
              {CHECKERS.map(([checker, name]) => (
                <option key={checker} value={checker}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <p class="muted">
            Starter code and solutions are whole programs that read stdin and print to stdout (Java: <code>class Main</code>; Go: <code>package main</code>).
          </p>
        </>
      )}
    </fieldset>
  );
}

function DesignEditor({ authoring, draft }: { authoring: Authoring; draft: Draft }) {
  const design = draft.design;
  const editDesign = (changes: Partial<Draft["design"]>) => authoring.edit({ design: { ...design, ...changes } });
  const editMethod = (i: number, changes: Partial<Method>) => editDesign({ methods: design.methods.map((m, j) => (j === i ? { ...m, ...changes } : m)) });
  return (
    <>
      <datalist id="method-return-types">
        <option value="void" />
        {TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <div class="field-grid">
        <label for="design-class">Class name</label>
        <input id="design-class" value={design.className} placeholder="LRUCache" onInput={(e) => editDesign({ className: e.currentTarget.value })} />
      </div>
      <ParamsTable
        caption="Constructor parameters"
        label="Constructor parameter"
        params={design.constructorParams}
        onChange={(constructorParams) => editDesign({ constructorParams })}
        addId="add-constructor-param"
      />
      <h3 class="methods-title">Methods</h3>
      <ol class="methods-editor">
        {design.methods.map((m, i) => (
          <li key={i} class="method" data-method={i}>
            <div class="method-head">
              <label for={`method-${i}-name`}>Name</label>
              <input id={`method-${i}-name`} class="method-name" value={m.name} placeholder="get" onInput={(e) => editMethod(i, { name: e.currentTarget.value })} />
              <label for={`method-${i}-returns`}>Returns</label>
              <input id={`method-${i}-returns`} class="method-returns" list="method-return-types" value={m.returns} onInput={(e) => editMethod(i, { returns: e.currentTarget.value })} />
              <button type="button" aria-label={`Move method ${i + 1} up`} disabled={i === 0} onClick={() => editDesign({ methods: moved(design.methods, i, -1) })}>
                ↑
              </button>
              <button type="button" aria-label={`Move method ${i + 1} down`} disabled={i === design.methods.length - 1} onClick={() => editDesign({ methods: moved(design.methods, i, 1) })}>
                ↓
              </button>
              <button type="button" aria-label={`Remove method ${i + 1}`} onClick={() => editDesign({ methods: design.methods.filter((_, j) => j !== i) })}>
                Remove
              </button>
            </div>
            <ParamsTable
              caption={`Parameters of method ${i + 1}${m.name.trim() ? ` (${m.name.trim()})` : ""}`}
              label={`Method ${i + 1} parameter`}
              params={m.params}
              onChange={(params) => editMethod(i, { params })}
              addId={`add-method-${i}-param`}
            />
          </li>
        ))}
      </ol>
      <button type="button" id="add-method" onClick={() => editDesign({ methods: [...design.methods, { name: "", params: [], returns: "void" }] })}>
        Add method
      </button>
    </>
  );
}

/** A list of typed parameters: a function's, a constructor's or a method's. */
function ParamsTable(props: { caption: string; label: string; params: Param[]; onChange: (params: Param[]) => void; addId: string }) {
  const { params, onChange, label } = props;
  const set = (i: number, changes: Partial<Param>) => onChange(params.map((p, j) => (j === i ? { ...p, ...changes } : p)));
  return (
    <>
      <table class="params">
        <caption>{props.caption}</caption>
        {params.length > 0 ? (
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
        ) : null}
        <tbody>
          {params.length === 0 ? (
            <tr>
              <td colSpan={3} class="muted">
                None
              </td>
            </tr>
          ) : null}
          {params.map((p, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`${label} ${i + 1} name`} class="param-name" value={p.name} onInput={(e) => set(i, { name: e.currentTarget.value })} />
              </td>
              <td>
                <input aria-label={`${label} ${i + 1} type`} class="param-type" list="type-names" value={p.type} onInput={(e) => set(i, { type: e.currentTarget.value })} />
              </td>
              <td>
                <button type="button" aria-label={`Remove ${label.toLowerCase()} ${i + 1}`} onClick={() => onChange(params.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" id={props.addId} class="add-param" onClick={() => onChange([...params, { name: "", type: "int" }])}>
        Add {label.toLowerCase()}
      </button>
    </>
  );
}
