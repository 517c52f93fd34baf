package io.metermodem.hal.mock.serial;

import io.metermodem.hal.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * One signal path (an RS232 direction or an RS485 pair): the transmitters that can drive it and the
 * receivers that listen. The level seen by a receiver is the wired-AND of all drivers (an idle or
 * released line is mark), except while the receiver's own port drives the pair (its receiver is then
 * disabled and reads mark) or while the line is cut.
 */
final class Line {

    final Scheduler scheduler;
    final Object lock;
    final boolean recordsDirection;
    final boolean countsCollisions;
    final List<Transmitter> transmitters = new ArrayList<>(2);
    final List<Receiver> receivers = new ArrayList<>(2);
    private ArrayList<double[]> cuts; // [from, to) with to = +inf while cut
    long collisions;

    Line(Scheduler scheduler, Object lock, boolean rs485) {
        this.scheduler = scheduler;
        this.lock = lock;
        this.recordsDirection = rs485;
        this.countsCollisions = rs485;
    }

    /** @return whether the only driver is one other port and nothing else shapes the waveform */
    boolean simpleFor(Receiver r) {
        return transmitters.size() == 1 && r.ownTx == null && cuts == null;
    }

    int level(double t, boolean before, Receiver r) {
        if (inCut(t, before)) {
            return 1;
        }
        if (r.ownTx != null && r.ownTx.driving(t, before)) {
            return 1;
        }
        for (int i = 0; i < transmitters.size(); i++) {
            Transmitter tx = transmitters.get(i);
            if (tx != r.ownTx && tx.level(t, before) == 0) {
                return 0;
            }
        }
        return 1;
    }

    /**
     * The next falling (1 to 0) or rising edge at or after {@code from} as receiver {@code r} sees it.
     *
     * @return the time, or NaN when no such edge is planned
     */
    double nextEdge(double from, boolean falling, Receiver r) {
        double t = from;
        boolean inclusive = true;
        while (true) {
            double c = Double.POSITIVE_INFINITY;
            for (int i = 0; i < transmitters.size(); i++) {
                double x = transmitters.get(i).nextTransition(t, inclusive);
                if (x < c) {
                    c = x;
                }
            }
            if (cuts != null) {
                for (double[] cut : cuts) {
                    for (double x : cut) {
                        if ((x > t || (inclusive && x == t)) && x < c) {
                            c = x;
                        }
                    }
                }
            }
            if (c == Double.POSITIVE_INFINITY) {
                return Double.NaN;
            }
            int before = level(c, true, r);
            int after = level(c, false, r);
            if (falling ? before == 1 && after == 0 : before == 0 && after == 1) {
                return c;
            }
            t = c;
            inclusive = false;
        }
    }

    private boolean inCut(double t, boolean before) {
        if (cuts == null) {
            return false;
        }
        for (double[] cut : cuts) {
            if (before ? t > cut[0] && t <= cut[1] : t >= cut[0] && t < cut[1]) {
                return true;
            }
        }
        return false;
    }

    void cut(long now) {
        if (cuts == null) {
            cuts = new ArrayList<>(2);
        }
        if (!isCut()) {
            cuts.add(new double[] {now, Double.POSITIVE_INFINITY});
        }
    }

    void reconnect(long now) {
        if (isCut()) {
            cuts.get(cuts.size() - 1)[1] = now;
        }
    }

    boolean isCut() {
        return cuts != null && !cuts.isEmpty() && cuts.get(cuts.size() - 1)[1] == Double.POSITIVE_INFINITY;
    }

    /** Settles the receivers no scheduler task keeps up to date, then frees what all of them passed. */
    void settleLazyReceivers(long now) {
        for (int i = 0; i < receivers.size(); i++) {
            Receiver r = receivers.get(i);
            if (!r.port.pushesDeliveries()) {
                r.settle(now);
            }
        }
        retire(now);
    }

    void retire(long now) {
        double upTo = now;
        for (int i = 0; i < receivers.size(); i++) {
            upTo = Math.min(upTo, receivers.get(i).huntFrom);
        }
        for (int i = 0; i < transmitters.size(); i++) {
            transmitters.get(i).retire(upTo);
        }
        if (cuts != null) {
            double passed = upTo;
            cuts.removeIf(c -> c[1] <= passed);
            if (cuts.isEmpty()) {
                cuts = null;
            }
        }
    }

    /** A transmitter planned new waveform: count RS485 collisions and wake receivers. */
    void scheduled(Transmitter tx) {
        if (countsCollisions && transmitters.size() > 1) {
            Segment mine = tx.segments.peekLast();
            for (Transmitter other : transmitters) {
                if (other == tx || mine == null) {
                    continue;
                }
                for (Segment s : other.segments) {
                    boolean overlap = s.start < mine.end() && mine.start < s.end();
                    if (overlap && !(s.collided && mine.collided)) {
                        collisions++;
                        s.collided = true;
                        mine.collided = true;
                    }
                }
            }
        }
        planChanged();
    }

    /** Something changed what receivers will see: re-arm their delivery tasks. */
    void planChanged() {
        for (int i = 0; i < receivers.size(); i++) {
            receivers.get(i).rearm();
        }
    }
}
