package houston.slack.commands;

import houston.core.engine.OperatorCommand;

/**
 * What the daemon offers operators: answers to read-only questions, and a way to hand a
 * confirmed command to the engine (it arrives as an input on the next tick). Implementations
 * may block briefly; the Slack endpoints call them off the event loop.
 */
public interface OperatorConsole {

    String status();

    String explain(String location);

    String weights();

    /** Runs a failover drill in the simulator and returns its report (text). */
    String drill(String scenario);

    void submit(OperatorCommand command);
}
