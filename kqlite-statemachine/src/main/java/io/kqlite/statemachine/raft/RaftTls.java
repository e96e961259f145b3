package io.kqlite.statemachine.raft;

import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.security.TlsConf.CertificatesConf;
import org.apache.ratis.security.TlsConf.PrivateKeyConf;

/**
 * Mutual TLS for the Raft transport (Ratis gRPC). Every member's server, its Raft clients and the
 * {@code kqlite cluster} admin client present their certificate and accept only peers whose
 * certificate the cluster CA signed, so a process without the cluster's certificates can neither
 * append, vote nor change the membership. Clients also check the member's host name against its
 * certificate (gRPC does), so node certificates must name the Raft host of {@code --peers}.
 */
public final class RaftTls {

  private RaftTls() {}

  /**
   * Ratis parameters for {@code RaftServer.newBuilder().setParameters} and {@code
   * RaftClient.newBuilder().setParameters}: mutual TLS when {@code tls} names a CA, else plain
   * (empty parameters).
   */
  public static Parameters parameters(TlsFiles tls) {
    Parameters parameters = new Parameters();
    if (tls != null && tls.mutual()) {
      GrpcTlsConfig config = GrpcTlsConfig.newBuilder()
          .setPrivateKey(new PrivateKeyConf(tls.key().toFile()))
          .setKeyCertificates(new CertificatesConf(tls.cert().toFile()))
          .setTrustCertificates(new CertificatesConf(tls.ca().toFile()))
          .setMutualTls(true)
          .setProtocols("TLSv1.3", "TLSv1.2")
          .build();
      // The default for the server, client and admin channels alike.
      GrpcConfigKeys.TLS.setConf(parameters, config);
    }
    return parameters;
  }
}
