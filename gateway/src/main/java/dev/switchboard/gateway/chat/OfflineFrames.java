package dev.switchboard.gateway.chat;

import io.vertx.core.Future;

/** Serves the frames that leave something for later: survey, leave-message, callback, transcript. */
final class OfflineFrames {

  private OfflineFrames() {}

  /** Answers the frame on the connection; the future tells whether it was stored (false when refused). */
  static Future<Boolean> handle(VisitorChat chat, ChatSite site, VisitorSession session, VisitorFrame frame,
      VisitorConnection connection) {
    Future<io.vertx.core.json.JsonObject> reply;
    if (frame instanceof VisitorFrame.Survey survey) {
      reply = chat.offline.survey(session, site, survey)
          .map(recovery -> VisitorReplies.frame("survey-recorded").put("recovery", recovery));
    } else if (frame instanceof VisitorFrame.LeaveMessage message) {
      reply = chat.offline.leaveMessage(session, message).map(ignored -> VisitorReplies.frame("message-left"));
    } else if (frame instanceof VisitorFrame.Callback callback) {
      reply = chat.offline.callback(session, callback)
          .map(phone -> VisitorReplies.frame("callback-requested").put("phone", phone));
    } else if (frame instanceof VisitorFrame.Transcript transcript) {
      reply = chat.offline.transcript(session, transcript.email())
          .map(ignored -> VisitorReplies.frame("transcript-queued"));
    } else {
      return Future.failedFuture(new IllegalStateException("no handler for " + frame.getClass().getSimpleName()));
    }
    return reply.map(frameToSend -> {
      connection.send(frameToSend);
      return true;
    }).recover(failure -> {
      Refusals.send(connection, failure, "store the request", session.conversation());
      return Future.succeededFuture(false);
    });
  }
}
