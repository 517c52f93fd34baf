package io.metermodem.at.script;

import java.util.List;

/** How a run of an {@link AtScript} ended. */
public sealed interface ScriptResult {

    /**
     * Every step got its answer.
     *
     * @param steps number of steps run
     */
    record Completed(int steps) implements ScriptResult {
    }

    /**
     * A step failed; later steps did not run.
     *
     * @param step      the failed step
     * @param index     its index, from 0
     * @param reason    what went wrong (timeout, unexpected final result)
     * @param lastLines the last lines received for it, at most {@value AtScriptRunner#KEPT_LINES}
     */
    record Failed(AtScriptStep step, int index, String reason, List<String> lastLines) implements ScriptResult {
        /** Copies the list. */
        public Failed {
            lastLines = List.copyOf(lastLines);
        }
    }
}
