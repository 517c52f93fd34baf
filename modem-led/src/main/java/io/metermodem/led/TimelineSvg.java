package io.metermodem.led;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws the activity of LEDs over a window of time as an SVG picture: one row per LED, lit intervals
 * as bars in the LED's colour, a time axis in seconds. Pure Java, no dependencies, and deterministic:
 * the same input always gives the same bytes, so pictures can be compared in tests.
 *
 * <pre>{@code
 * String svg = TimelineSvg.render("SIM: RSSI 3 on 4G", 0, 12_000_000_000L,
 *         List.of(new TimelineSvg.Track("LED2", "red", false, changeTimes)));
 * }</pre>
 */
public final class TimelineSvg {

    private static final int LABEL_WIDTH = 70;
    private static final int PLOT_WIDTH = 720;
    private static final int RIGHT_MARGIN = 20;
    private static final int TITLE_HEIGHT = 28;
    private static final int ROW_HEIGHT = 34;
    private static final int BAR_HEIGHT = 20;
    private static final int AXIS_HEIGHT = 30;
    private static final long[] TICK_STEPS_MS = {100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 30_000, 60_000};

    private TimelineSvg() {
    }

    /**
     * One LED's row.
     *
     * @param label        e.g. {@code LED3}
     * @param colour       an SVG colour for the lit bars, e.g. {@code green}
     * @param initialLevel the level before the first change
     * @param changeNanos  ascending times at which the level flipped
     */
    public record Track(String label, String colour, boolean initialLevel, long[] changeNanos) {
        /** @throws IllegalArgumentException if the changes are not ascending */
        public Track {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(colour, "colour");
            changeNanos = changeNanos.clone();
            for (int i = 1; i < changeNanos.length; i++) {
                if (changeNanos[i] < changeNanos[i - 1]) {
                    throw new IllegalArgumentException("changes of " + label + " are not in time order");
                }
            }
        }

        @Override
        public long[] changeNanos() {
            return changeNanos.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Track t && t.label.equals(label) && t.colour.equals(colour)
                    && t.initialLevel == initialLevel && Arrays.equals(t.changeNanos, changeNanos);
        }

        @Override
        public int hashCode() {
            return Objects.hash(label, colour, initialLevel, Arrays.hashCode(changeNanos));
        }

        @Override
        public String toString() {
            return "Track[" + label + ", " + changeNanos.length + " changes]";
        }
    }

    /**
     * @param title      a caption drawn above the rows
     * @param startNanos window start
     * @param endNanos   window end, after the start
     * @param tracks     the rows, top to bottom
     * @return the SVG document
     * @throws IllegalArgumentException for an empty window
     */
    public static String render(String title, long startNanos, long endNanos, List<Track> tracks) {
        if (endNanos <= startNanos) {
            throw new IllegalArgumentException("the window must not be empty: " + startNanos + ".." + endNanos);
        }
        int width = LABEL_WIDTH + PLOT_WIDTH + RIGHT_MARGIN;
        int height = TITLE_HEIGHT + tracks.size() * ROW_HEIGHT + AXIS_HEIGHT;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"6\" y=\"18\" font-size=\"14\" font-weight=\"bold\">").append(escape(title))
                .append("</text>\n");
        int row = 0;
        for (Track track : tracks) {
            int top = TITLE_HEIGHT + row * ROW_HEIGHT;
            int barTop = top + (ROW_HEIGHT - BAR_HEIGHT) / 2;
            int baseline = barTop + BAR_HEIGHT;
            svg.append("<text x=\"6\" y=\"").append(baseline - 5).append("\">").append(escape(track.label()))
                    .append("</text>\n");
            svg.append("<line x1=\"").append(LABEL_WIDTH).append("\" y1=\"").append(baseline).append("\" x2=\"")
                    .append(LABEL_WIDTH + PLOT_WIDTH).append("\" y2=\"").append(baseline)
                    .append("\" stroke=\"#999\" stroke-width=\"1\"/>\n");
            for (long[] on : onIntervals(track, startNanos, endNanos)) {
                double x1 = x(on[0], startNanos, endNanos);
                double x2 = x(on[1], startNanos, endNanos);
                svg.append("<rect x=\"").append(num(x1)).append("\" y=\"").append(barTop).append("\" width=\"")
                        .append(num(Math.max(0.5, x2 - x1))).append("\" height=\"").append(BAR_HEIGHT)
                        .append("\" fill=\"").append(escape(track.colour())).append("\"/>\n");
            }
            row++;
        }
        int axisY = TITLE_HEIGHT + tracks.size() * ROW_HEIGHT + 4;
        svg.append("<line x1=\"").append(LABEL_WIDTH).append("\" y1=\"").append(axisY).append("\" x2=\"")
                .append(LABEL_WIDTH + PLOT_WIDTH).append("\" y2=\"").append(axisY).append("\" stroke=\"black\"/>\n");
        long windowMs = (endNanos - startNanos) / 1_000_000;
        long step = TICK_STEPS_MS[TICK_STEPS_MS.length - 1];
        for (long s : TICK_STEPS_MS) {
            if (windowMs / s <= 15) {
                step = s;
                break;
            }
        }
        long stepNanos = step * 1_000_000;
        long firstTick = Math.floorDiv(startNanos + stepNanos - 1, stepNanos) * stepNanos;
        for (long t = firstTick; t <= endNanos; t += stepNanos) {
            double x = x(t, startNanos, endNanos);
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(axisY).append("\" x2=\"")
                    .append(num(x)).append("\" y2=\"").append(axisY + 4).append("\" stroke=\"black\"/>\n");
            svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(axisY + 17)
                    .append("\" text-anchor=\"middle\" font-size=\"10\">").append(seconds(t)).append("</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static List<long[]> onIntervals(Track track, long start, long end) {
        List<long[]> list = new ArrayList<>();
        boolean level = track.initialLevel();
        long since = start;
        for (long t : track.changeNanos) {
            if (t >= end) {
                break;
            }
            boolean next = !level;
            if (t > start) {
                if (level) {
                    list.add(new long[] {since, t});
                }
                since = t;
            }
            level = next;
        }
        if (level) {
            list.add(new long[] {since, end});
        }
        return list;
    }

    private static double x(long t, long start, long end) {
        long clipped = Math.max(start, Math.min(end, t));
        return LABEL_WIDTH + (double) (clipped - start) * PLOT_WIDTH / (end - start);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String seconds(long nanos) {
        long ms = nanos / 1_000_000;
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
