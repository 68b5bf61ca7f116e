import { appStore, useAppStore } from "../../../store";

const SIZES = [12, 13, 14, 15, 16, 18, 20, 22];

/** Font size and line wrapping, remembered across reloads with the rest of the settings. */
export function EditorSettings() {
  const { editorFontSize, wordWrap } = useAppStore((s) => s.settings);
  const update = appStore.getState().updateSettings;
  return (
    <div className="editor-settings">
      <label>
        <input type="checkbox" checked={wordWrap} onChange={(e) => update({ wordWrap: e.target.checked })} /> Wrap lines
      </label>
      <label>
        Font size{" "}
        <select value={editorFontSize} onChange={(e) => update({ editorFontSize: Number(e.target.value) })}>
          {SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
