import { useCallback, useEffect, useState } from "react";
import { problemText, type Api } from "./tabApi";

/**
 * A page's view from the server: loaded when its path changes (none while the path is undefined),
 * and again on `reload` once an action has changed it. Until the new path's view arrives there is
 * none (never another area's); a failed load keeps what was there and says why in `problem`, which
 * the next good load clears. `update` changes the shown view in place, after a save the page made.
 */
export function useServerView<T>(api: Api, path: string | undefined) {
  const [loaded, setLoaded] = useState<{ path: string; view: T } | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const reload = useCallback(() => {
    if (path === undefined) return;
    api<T>("GET", path).then(
      (view) => {
        setLoaded({ path, view });
        setProblem(undefined);
      },
      (error: unknown) => {
        setProblem(problemText(error));
      },
    );
  }, [api, path]);
  useEffect(reload, [reload]);
  const update = useCallback((change: (view: T) => T) => {
    setLoaded((current) => current && { path: current.path, view: change(current.view) });
  }, []);
  return { view: loaded?.path === path ? loaded?.view : undefined, problem, reload, update };
}
