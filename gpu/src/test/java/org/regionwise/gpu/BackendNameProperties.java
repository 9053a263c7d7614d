package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** {@code --backend} names with a device index ({@code tornado:N}): parsed where they enter, a one-line error otherwise. */
class BackendNameProperties {

    @Property
    void everyIndexInRangeRoundTrips(@ForAll @IntRange(min = 0, max = BackendName.MAX_DEVICE) int index) {
        BackendName name = BackendName.parse(" Tornado:" + index + " ");
        assertEquals(new BackendName(GpuBackends.TORNADO, index), name);
        assertEquals("tornado:" + index, name.toString());
        assertEquals(name, BackendName.parse(name.toString()));
        assertTrue(name.hasDevice() && name.isDevice());
    }

    @Property
    void anIndexThatIsNotAWholeNumberInRangeIsOneLineNamingIt(@ForAll @StringLength(max = 6) String index) {
        boolean valid = index.trim().equals(index) && index.matches("\\d{1,4}") && Integer.parseInt(index) <= BackendName.MAX_DEVICE;
        if (valid) return;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackendName.parse("tornado:" + index));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("device index"), e.getMessage());
    }

    @Property
    void anUnknownBackendIsOneLineWhateverItHolds(@ForAll @StringLength(max = 8) String name) {
        Assume.that(!GpuBackends.names().contains(name.trim().toLowerCase(java.util.Locale.ROOT)) && !name.contains(":"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackendName.parse(name));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("unknown backend"), e.getMessage());
    }

    @Example
    void controlCharactersInAnIndexAreQuotedAsEscapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackendName.parse("tornado:1\n\u00012"));
        assertTrue(e.getMessage().endsWith("got '1\\n\\u00012'"), e.getMessage());
    }

    @Example
    void namesWithoutAnIndexMeanTheDefaultDevice() {
        assertEquals(new BackendName("cpu", BackendName.DEFAULT_DEVICE), BackendName.parse(null));
        assertEquals(new BackendName("cpu", BackendName.DEFAULT_DEVICE), BackendName.parse(" CPU "));
        BackendName tornado = BackendName.parse("tornado");
        assertFalse(tornado.hasDevice());
        assertTrue(tornado.isDevice());
        assertEquals("tornado:3", tornado.onDevice(3).toString());
        assertEquals("tornado-java", BackendName.parse("tornado-java").toString());
    }

    @Example
    void badNamesSayWhatIsValid() {
        assertEquals("backend 'tornado:x': the device index after ':' must be a whole number in 0..1023 (e.g. tornado:1), got 'x'",
                assertThrows(IllegalArgumentException.class, () -> BackendName.parse("tornado:x")).getMessage());
        assertEquals("backend 'tornado:-1': the device index after ':' must be a whole number in 0..1023 (e.g. tornado:1), got '-1'",
                assertThrows(IllegalArgumentException.class, () -> BackendName.parse("tornado:-1")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BackendName.parse("tornado:1024")).getMessage().contains("0..1023"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BackendName.parse("tornado:")).getMessage().contains("got ''"));
        assertEquals("backend cpu takes no device index (only tornado, tornado-java do), got cpu:1",
                assertThrows(IllegalArgumentException.class, () -> BackendName.parse("cpu:1")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BackendName.parse("cuda:0")).getMessage()
                .startsWith("unknown backend 'cuda'; valid: cpu, tornado, tornado-java"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BackendName.parse("cuda")).getMessage()
                .startsWith("unknown backend 'cuda'; valid: cpu, tornado, tornado-java"));
    }

    @Example
    void theIndexReachesTheBackendAndTheJavaDeviceIsDeviceZero() {
        assertEquals(1, GpuBackends.deviceCount("tornado-java"));
        assertEquals(0, GpuBackends.deviceCount("cpu"));
        assertTrue(GpuBackends.create("tornado-java:0", 1024).name().startsWith("tornado-java"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuBackends.create("tornado-java:1", 1024));
        assertEquals("backend tornado-java:1: tornado-java runs on the JVM, which is one device: 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GpuBackends.byName("tornado:zero", 1, k -> k));
    }

    @Example
    void tornadoOnADeviceWithoutTornadoVmSaysWhatIsMissing() {
        org.junit.jupiter.api.Assumptions.assumeFalse(GpuBackends.tornadoAvailable(), "TornadoVM is present here");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GpuBackends.byName("tornado:1", 1, k -> k));
        assertTrue(e.getMessage().startsWith("--backend tornado:1: ") && e.getMessage().contains("TornadoVM"), e.getMessage());
    }
}
