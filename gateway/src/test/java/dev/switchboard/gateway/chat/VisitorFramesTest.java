package dev.switchboard.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VisitorFramesTest {

  private final VisitorFrames frames = new VisitorFrames(1000, 30);

  @Test
  void readsAStartWithIdentityAndResume() {
    VisitorFrame frame = frames.read("{\"type\":\"start\",\"queue\":\"support\",\"name\":\"Mina\",\"email\":\"m@x.kr\","
        + "\"identity\":{\"userId\":\"u1\",\"signature\":\"ab\"},"
        + "\"resume\":{\"conversation\":\"c1\",\"token\":\"t\",\"lastSeq\":7}}");

    assertThat(frame).isInstanceOfSatisfying(VisitorFrame.Start.class, start -> {
      assertThat(start.email()).hasValue("m@x.kr");
      assertThat(start.identity()).hasValue(new VisitorFrame.Identity("u1", "ab"));
      assertThat(start.resume()).hasValue(new VisitorFrame.Resume("c1", "t", 7));
    });
  }

  @Test
  void keepsMarkupInTextAsIs() {
    VisitorFrame frame = frames.read("{\"type\":\"send\",\"text\":\"<img src=x onerror=alert(1)>\",\"clientId\":\"a\"}");

    assertThat(frame).isEqualTo(new VisitorFrame.Send("<img src=x onerror=alert(1)>", java.util.Optional.of("a")));
  }

  @Test
  void countsTextLengthInCharactersNotUtf16Units() {
    assertThat(frames.read("{\"type\":\"send\",\"text\":\"" + "😀".repeat(30) + "\"}")).isInstanceOf(VisitorFrame.Send.class);
    assertThat(code("{\"type\":\"send\",\"text\":\"" + "😀".repeat(31) + "\"}")).isEqualTo("too-long");
  }

  @Test
  void refusesMalformedFramesNamingTheProblem() {
    assertThat(code("not json")).isEqualTo("bad-frame");
    assertThat(code("[1,2]")).isEqualTo("bad-frame");
    assertThat(code("{\"type\":\"dance\"}")).isEqualTo("bad-frame");
    assertThat(code("{\"type\":\"send\"}")).isEqualTo("bad-frame");
    assertThat(code("{\"type\":\"send\",\"text\":5}")).isEqualTo("bad-frame");
    assertThat(code("{\"type\":\"survey\",\"rating\":6}")).isEqualTo("bad-frame");
    assertThat(code("{\"type\":\"survey\",\"rating\":2.5}")).isEqualTo("bad-frame");
    assertThat(code("{\"type\":\"start\",\"queue\":\"q\",\"name\":\"n\",\"resume\":{\"conversation\":\"c\","
        + "\"token\":\"t\",\"lastSeq\":-1}}")).isEqualTo("bad-frame");
    assertThatThrownBy(() -> frames.read("{\"type\":\"start\",\"queue\":\"support\"}"))
        .hasMessageContaining("'name' is missing");
  }

  @Test
  void refusesFramesOverTheSizeLimit() {
    assertThat(code("{\"type\":\"send\",\"text\":\"" + "x".repeat(1000) + "\"}")).isEqualTo("too-large");
  }

  private String code(String text) {
    try {
      frames.read(text);
    } catch (FrameException e) {
      return e.code();
    }
    throw new AssertionError("frame was accepted: " + text);
  }
}
