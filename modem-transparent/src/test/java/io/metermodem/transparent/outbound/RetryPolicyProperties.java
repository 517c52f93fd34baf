package io.metermodem.transparent.outbound;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RetryPolicyProperties {

    @Property
    @Label("TR-7, TR-8: backoff delays never shrink, never exceed the cap, and attempts are bounded")
    boolean delaysGrowToTheCap(@ForAll @IntRange(min = 1, max = 3600) int initialSeconds,
                               @ForAll @IntRange(min = 0, max = 7200) int extraSeconds,
                               @ForAll @IntRange(min = 10, max = 100) int multiplierTenths,
                               @ForAll @IntRange(min = 1, max = 1000) int maxAttempts,
                               @ForAll @IntRange(min = 1, max = 5000) int failures) {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(initialSeconds),
                Duration.ofSeconds(initialSeconds + extraSeconds), multiplierTenths / 10.0, maxAttempts);
        Duration delay = policy.delayAfter(failures);
        Duration next = policy.delayAfter(failures + 1);
        return delay.compareTo(policy.initialDelay()) >= 0
                && delay.compareTo(policy.maxDelay()) <= 0
                && next.compareTo(delay) >= 0
                && policy.allowsAnotherAfter(failures) == (failures < maxAttempts);
    }
}
