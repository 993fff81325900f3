package houston.app.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchMachineTest {

    private static final String CPUINFO = "processor\t: 0\nvendor_id\t: GenuineIntel\n"
            + "model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz\nprocessor\t: 1\n";

    @Test
    void namesTheCpuModelCoresAndJvm() {
        String line = BenchMachine.describe(CPUINFO, "0.42 0.30 0.20 1/200 1234\n", 2, "OpenJDK 64-Bit Server VM 17.0.17");

        assertEquals("machine: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz, 2 cores, OpenJDK 64-Bit Server VM 17.0.17, "
                + "load average 0.42 at the end", line);
    }

    @Test
    void saysSoWhenTheMachineWasBusy() {
        String line = BenchMachine.describe(CPUINFO, "19.30 18.00 12.00 30/900 999\n", 2, "JVM");

        assertEquals("machine: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz, 2 cores, JVM, load average 19.30 at the end "
                + "(BUSY: more runnable threads than cores, figures are not Houston's alone)", line);
    }
}
