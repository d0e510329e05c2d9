package io.coderoom.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.account.AccountAudit;
import io.coderoom.server.account.Accounts;
import io.coderoom.server.account.Caller;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.Membership;
import io.coderoom.server.account.OneTimeLink;
import io.coderoom.server.account.OneTimeLinks;
import io.coderoom.server.account.SessionCookie;
import io.coderoom.server.account.Sessions;
import io.coderoom.server.account.SignedIn;
import io.coderoom.server.account.User;
import io.coderoom.server.account.passkey.Assertion;
import io.coderoom.server.account.passkey.NewPasskey;
import io.coderoom.server.account.passkey.PasskeyOptions;
import io.coderoom.server.account.passkey.PasskeyRefused;
import io.coderoom.server.account.passkey.PasskeyVerifier;
import io.coderoom.server.account.passkey.Passkeys;
import io.coderoom.server.account.passkey.PendingCeremonies;
import io.coderoom.server.account.passkey.PendingCeremonies.Kind;
import io.coderoom.server.account.passkey.PendingCeremonies.Pending;
import io.coderoom.server.account.passkey.RelyingParty;
import io.coderoom.server.account.passkey.StoredPasskey;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/auth/passkey/...}: creating a passkey (through a one-time link, or signed in to add
 * another) and signing in with one. Each ceremony is two calls: options with a fresh challenge,
 * then the browser's answer, verified once. Calls block on the database, so they run on the
 * blocking executor.
 */
public final class PasskeyApi {
  private static final int MAX_NAME = 80;
  private static final int MAX_TOKEN = 200;
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private final Jdbi jdbi;
  private final Accounts accounts;
  private final OneTimeLinks links;
  private final Sessions sessions;
  private final Callers callers;
  private final Passkeys passkeys;
  private final PendingCeremonies ceremonies;
  private final PasskeyVerifier verifier = new PasskeyVerifier();
  private final Supplier<URI> publicUrl;
  private final Clock clock;
  private final Executor executor;

  public PasskeyApi(
      Jdbi jdbi,
      Accounts accounts,
      OneTimeLinks links,
      Sessions sessions,
      Callers callers,
      Supplier<URI> publicUrl,
      Clock clock,
      Executor executor) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.links = links;
    this.sessions = sessions;
    this.callers = callers;
    this.passkeys = new Passkeys(jdbi);
    this.ceremonies = new PendingCeremonies(jdbi, clock);
    this.publicUrl = publicUrl;
    this.clock = clock;
    this.executor = executor;
  }

  public void register(Router router) {
    router.post(
        "/api/auth/passkey/register/options",
        request -> ApiCalls.offLoop(executor, () -> registrationOptions(request)));
    router.post(
        "/api/auth/passkey/register",
        request -> ApiCalls.offLoop(executor, () -> registration(request)));
    router.post(
        "/api/auth/passkey/signin/options",
        request -> ApiCalls.offLoop(executor, () -> signInOptions()));
    router.post(
        "/api/auth/passkey/signin", request -> ApiCalls.offLoop(executor, () -> signIn(request)));
  }

  private FullHttpResponse registrationOptions(Request request) {
    JsonBody body = JsonBody.of(request);
    Optional<String> linkToken = body.optionalString("linkToken", MAX_TOKEN);
    byte[] challenge = PendingCeremonies.newChallenge();
    RelyingParty rp = relyingParty();
    if (linkToken.isEmpty()) {
      return anotherPasskey(signedIn(request).user(), Optional.empty(), rp, challenge);
    }
    Optional<byte[]> linkHash = Optional.of(sha256(linkToken.get()));
    OneTimeLink link = links.peek(linkToken.get()).orElseThrow(AuthApi::invalidLink);
    Optional<User> existing = link.userId().flatMap(accounts::findUser);
    if (existing.isPresent()) {
      return anotherPasskey(existing.get(), linkHash, rp, challenge);
    }
    // A new person: a fresh user handle, and the name they gave for the account to come.
    String name = body.requiredString("name", MAX_NAME);
    byte[] handle = PendingCeremonies.newChallenge();
    Map<String, Object> options = PasskeyOptions.creation(rp, challenge, handle, name, List.of());
    Optional<String> ceremonyId =
        ceremonies.begin(
            Kind.REGISTRATION,
            challenge,
            Optional.of(handle),
            Optional.empty(),
            linkHash,
            Optional.of(name));
    return ceremony(ceremonyId, options);
  }

  /**
   * A registration for someone who has an account (recovering access, or adding a passkey): under
   * the user handle of their passkeys, excluding the ones they have.
   */
  private FullHttpResponse anotherPasskey(
      User user, Optional<byte[]> linkHash, RelyingParty rp, byte[] challenge) {
    byte[] handle = passkeys.userHandle(user.id()).orElseGet(PendingCeremonies::newChallenge);
    Map<String, Object> options =
        PasskeyOptions.creation(
            rp, challenge, handle, accountName(user), passkeys.credentialIds(user.id()));
    Optional<String> ceremonyId =
        ceremonies.begin(
            Kind.REGISTRATION,
            challenge,
            Optional.of(handle),
            Optional.of(user.id()),
            linkHash,
            Optional.empty());
    return ceremony(ceremonyId, options);
  }

  private FullHttpResponse registration(Request request) {
    JsonBody body = JsonBody.of(request);
    String ceremonyId = body.requiredString("ceremonyId", MAX_TOKEN);
    String credential = credentialJson(request);
    Optional<String> linkToken = body.optionalString("linkToken", MAX_TOKEN);
    String passkeyName = body.optionalString("passkeyName", MAX_NAME).orElse("Passkey");
    Pending pending =
        ceremonies.take(ceremonyId, Kind.REGISTRATION).orElseThrow(PasskeyApi::expired);
    NewPasskey passkey =
        verified(() -> verifier.register(relyingParty(), pending.challenge(), credential));
    byte[] handle = pending.userHandle().orElseThrow();
    if (pending.linkHash().isPresent()) {
      // The ceremony was begun for this link: the same secret must come back to claim it.
      if (linkToken.isEmpty()
          || !MessageDigest.isEqual(sha256(linkToken.get()), pending.linkHash().get())) {
        throw refused(PasskeyRefused.Reason.WRONG_REQUEST);
      }
      String userAgent = request.headers().get(HttpHeaderNames.USER_AGENT, "");
      Claimed claimed =
          jdbi.inTransaction(
              h -> {
                OneTimeLink link =
                    links.consume(h, linkToken.get(), "passkey").orElseThrow(AuthApi::invalidLink);
                User user = accounts.claim(h, link, pending.name().orElse(""), Optional.empty());
                store(h, user, handle, passkey, passkeyName, link.purpose().wireName());
                Membership team = Accounts.membership(h, user.id()).orElseThrow(PasskeyApi::noTeam);
                return new Claimed(user, team, sessions.start(h, user.id(), userAgent));
              });
      return signedInResponse(claimed.user(), claimed.team(), Optional.of(claimed.session()));
    }
    SignedIn signedIn = signedIn(request);
    User user = signedIn.user();
    if (!pending.userId().equals(Optional.of(user.id()))) {
      throw refused(PasskeyRefused.Reason.WRONG_REQUEST);
    }
    jdbi.useTransaction(h -> store(h, user, handle, passkey, passkeyName, "signed_in"));
    return signedInResponse(user, signedIn.team(), Optional.empty());
  }

  /** Stores the passkey and records it in the audit log, in the caller's transaction. */
  private void store(
      Handle h, User user, byte[] handle, NewPasskey passkey, String name, String via) {
    if (!Passkeys.insert(h, user.id(), handle, passkey, name, clock.instant())) {
      throw refused(PasskeyRefused.Reason.ALREADY_REGISTERED);
    }
    AccountAudit.record(
        h,
        Accounts.membership(h, user.id()).map(Membership::teamId),
        AccountAudit.actor(user),
        "passkey_registered",
        Map.of("passkey", PasskeyOptions.encode(passkey.credentialId()), "via", via));
  }

  private FullHttpResponse signInOptions() {
    byte[] challenge = PendingCeremonies.newChallenge();
    Optional<String> ceremonyId =
        ceremonies.begin(
            Kind.AUTHENTICATION,
            challenge,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return ceremony(ceremonyId, PasskeyOptions.request(relyingParty(), challenge));
  }

  private FullHttpResponse signIn(Request request) {
    JsonBody body = JsonBody.of(request);
    String ceremonyId = body.requiredString("ceremonyId", MAX_TOKEN);
    String credential = credentialJson(request);
    Optional<StoredPasskey> stored = Optional.empty();
    try {
      Pending pending =
          ceremonies.take(ceremonyId, Kind.AUTHENTICATION).orElseThrow(PasskeyApi::expired);
      Assertion assertion = verified(() -> verifier.parseAssertion(credential));
      stored = passkeys.find(assertion.credentialId());
      StoredPasskey passkey =
          stored.orElseThrow(() -> refused(PasskeyRefused.Reason.UNKNOWN_CREDENTIAL));
      long count =
          verified(() -> verifier.verify(relyingParty(), pending.challenge(), assertion, passkey));
      if (!passkeys.recordSignIn(
          passkey.credentialId(), passkey.signCount(), count, clock.instant())) {
        throw refused(PasskeyRefused.Reason.CLONED);
      }
      User user =
          accounts
              .findUser(passkey.userId())
              .orElseThrow(() -> refused(PasskeyRefused.Reason.UNKNOWN_CREDENTIAL));
      // Removed from their team: the passkey still verifies, but signs no one in.
      Membership team = accounts.membership(user.id()).orElseThrow(PasskeyApi::noTeam);
      String userAgent = request.headers().get(HttpHeaderNames.USER_AGENT, "");
      FullHttpResponse response =
          signedInResponse(user, team, Optional.of(sessions.start(user.id(), userAgent)));
      AccountAudit.record(
          jdbi,
          Optional.of(team.teamId()),
          AccountAudit.actor(user),
          "signed_in",
          Map.of("method", "passkey", "passkey", PasskeyOptions.encode(passkey.credentialId())));
      return response;
    } catch (ApiError e) {
      recordFailure(stored, e);
      throw e;
    }
  }

  /** A failed sign-in, under the account whose passkey was presented when there was one. */
  private void recordFailure(Optional<StoredPasskey> stored, ApiError error) {
    Optional<String> userId = stored.map(StoredPasskey::userId);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("method", "passkey");
    detail.put("reason", error.code());
    stored.ifPresent(p -> detail.put("passkey", PasskeyOptions.encode(p.credentialId())));
    AccountAudit.record(
        jdbi,
        userId.flatMap(accounts::membership).map(Membership::teamId),
        userId.map(id -> "user:" + id).orElse("anonymous"),
        "sign_in_failed",
        detail);
  }

  private record Claimed(User user, Membership team, Sessions.Started session) {}

  private FullHttpResponse signedInResponse(
      User user, Membership team, Optional<Sessions.Started> session) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("user", AuthApi.userJson(user));
    json.put("team", AuthApi.teamJson(team));
    FullHttpResponse response = HttpResponses.json(HttpResponseStatus.OK, json);
    session.ifPresent(
        started ->
            response
                .headers()
                .add(
                    HttpHeaderNames.SET_COOKIE,
                    SessionCookie.set(started.secret(), started.maxAge(clock), secure())));
    return response;
  }

  /** The member a session cookie signs in (an API token may not add passkeys), or 401. */
  private SignedIn signedIn(Request request) {
    if (callers.identify(request) instanceof Caller.Member member
        && member.via() == Caller.Via.SESSION) {
      return member.signedIn();
    }
    throw new ApiError(
        HttpResponseStatus.UNAUTHORIZED,
        "signed_out",
        "Open your one-time link again, or sign in first to add another passkey.");
  }

  private FullHttpResponse ceremony(Optional<String> ceremonyId, Map<String, Object> options) {
    String id =
        ceremonyId.orElseThrow(
            () ->
                new ApiError(
                    HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "too_many_ceremonies",
                    "Too many passkey requests are under way; try again in a few minutes."));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ceremonyId", id);
    json.put("publicKey", options);
    return HttpResponses.json(HttpResponseStatus.OK, json);
  }

  /** The {@code credential} object of the body, as JSON text for webauthn4j. */
  private static String credentialJson(Request request) {
    try {
      JsonNode credential = MAPPER.readTree(request.body()).get("credential");
      if (credential == null || !credential.isObject()) {
        throw ApiError.badRequest("invalid_field", "'credential' must be the passkey's answer.");
      }
      return MAPPER.writeValueAsString(credential);
    } catch (IOException e) {
      throw ApiError.badRequest("bad_json", "The body is not valid JSON.");
    }
  }

  private RelyingParty relyingParty() {
    return RelyingParty.of(publicUrl.get());
  }

  private boolean secure() {
    return "https".equalsIgnoreCase(publicUrl.get().getScheme());
  }

  private static String accountName(User user) {
    return user.email().orElse(user.name());
  }

  @FunctionalInterface
  private interface Verification<T> {
    T run() throws PasskeyRefused;
  }

  private static <T> T verified(Verification<T> verification) {
    try {
      return verification.run();
    } catch (PasskeyRefused e) {
      throw refused(e.reason());
    }
  }

  private static ApiError refused(PasskeyRefused.Reason reason) {
    return new ApiError(
        HttpResponseStatus.valueOf(reason.httpStatus()), reason.code(), reason.message());
  }

  private static ApiError noTeam() {
    return ApiError.forbidden(
        "Your account belongs to no team any more; ask an administrator for an invitation.");
  }

  private static ApiError expired() {
    return refused(PasskeyRefused.Reason.CEREMONY_EXPIRED);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
