package dev.switchboard.bench.demo;

import dev.switchboard.gateway.Main;
import java.util.Optional;

/** {@code ./switchboard demo}: the gateway's demo, with calls from a simulated PBX. */
public final class PhoneDemo {

  private PhoneDemo() {}

  public static void main(String[] args) {
    Main.main(args, Optional.of(new SimulatedPbxDemo()));
  }
}
