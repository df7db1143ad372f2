// A self-signed P-256 certificate for localhost/127.0.0.1 (valid 100 years), generated with
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
//     -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1"
// Test-only key material: it protects nothing.
export const TEST_CERT_PEM = `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUfGqaH9KoolSLwDY/ziXDFOlKcWMwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMTE1MTIyNVoYDzIxMjYxMDI4
MTUxMjI1WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATpaFr5c0Cl8tFGvLxQ+xw21SNVLl0YAWiMTcntyd0wsvAPALuhYt6+
z54uFa1p3F2kQzTp1ediP3xQVBTCsNHGo28wbTAdBgNVHQ4EFgQUFhbsyrKFkkOk
xX2xUHDPFi0mVK4wHwYDVR0jBBgwFoAUFhbsyrKFkkOkxX2xUHDPFi0mVK4wDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDRwAwRAIgLOwiT9X7mnjNQszA5j3pUF2E4iaFRwnhvnn6vUOTWKsCIBZt
P/UGSWPUpwxiHFPn00V5Es0uID8RBImH0LTBe+my
-----END CERTIFICATE-----
`;

export const TEST_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgbk3xDF7v7deFvsVi
IttJ1SPGVOzd0yvyJow/QP8VgXihRANCAATpaFr5c0Cl8tFGvLxQ+xw21SNVLl0Y
AWiMTcntyd0wsvAPALuhYt6+z54uFa1p3F2kQzTp1ediP3xQVBTCsNHG
-----END PRIVATE KEY-----
`;
