import { type ConfigurationBotFrameworkAuthentication, StatusCodes } from "botbuilder";
import { AuthenticationError } from "botframework-connector";

/**
 * CloudAdapter answers 401 only for the SDK's own AuthenticationError; errors thrown by the JWT
 * library underneath (a token not valid yet, a bad signature under a published key id, `alg: none`)
 * surface as 500, which the channel treats as a server fault and retries. Every failure to
 * authenticate a request is a refusal, so it becomes an AuthenticationError (401) here.
 */
export function refuseUnauthenticatedWith401(
  auth: ConfigurationBotFrameworkAuthentication,
): ConfigurationBotFrameworkAuthentication {
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      // The name only: the JWT library's messages can quote parts of the token.
      throw new AuthenticationError(
        `Unauthorized. ${error instanceof Error ? error.name : "Error"}`,
        StatusCodes.UNAUTHORIZED,
      );
    }
  };
  return auth;
}
