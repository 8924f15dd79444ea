package dev.switchboard.gateway.api;

import dev.switchboard.routing.customer.ImportError;
import dev.switchboard.routing.customer.ImportSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON form of an import's summary, shared by the REST endpoint and its clients. */
final class ImportJson {

  private ImportJson() {}

  static JsonObject toJson(ImportSummary summary) {
    JsonArray errors = new JsonArray();
    for (ImportError error : summary.firstErrors()) {
      errors.add(new JsonObject().put("line", error.line()).put("reason", error.reason()));
    }
    return new JsonObject()
        .put("rowsRead", summary.rowsRead())
        .put("imported", summary.imported())
        .put("rejected", summary.rejected())
        .put("seconds", summary.elapsed().toMillis() / 1000.0)
        .put("errors", errors);
  }
}
