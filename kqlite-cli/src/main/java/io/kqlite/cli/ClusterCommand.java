package io.kqlite.cli;

import io.kqlite.statemachine.raft.ClusterAdmin;
import io.kqlite.statemachine.raft.MemberStatus;
import io.kqlite.statemachine.raft.Peer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kqlite cluster …}: membership commands that talk to a running cluster. */
@Command(name = "cluster", mixinStandardHelpOptions = true, version = "kqlite 0.1.0",
    description = "Shows and changes cluster membership. Talks to the members over their Raft ports.",
    subcommands = {ClusterCommand.Status.class, ClusterCommand.Add.class,
        ClusterCommand.Remove.class, ClusterCommand.TransferLeader.class})
final class ClusterCommand {

  /** How to reach the cluster: --peers, else the peers of the config file, else the local node. */
  static final class Target {
    @Option(names = "--peers", paramLabel = "LIST",
        description = "Members to ask (id=host:raftPort[:pgPort[:witness]],...). Default: peers from the config file, else node1=127.0.0.1:7432.")
    String peers;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file. Default: conf/kqlite.properties")
    Path config;

    @Mixin TlsOptions tls;

    ClusterAdmin connect() throws Exception {
      ConfigKeys keys = ConfigKeys.load(config != null ? config : StartCommand.defaultConfigFile());
      List<Peer> members = Peer.parseList(keys.string(ConfigKeys.PEERS_KEY, peers, ""));
      if (members.isEmpty()) {
        members = List.of(new Peer(keys.string(ConfigKeys.ID_KEY, null, ConfigKeys.ID_DEFAULT),
            keys.string(ConfigKeys.HOST_KEY, null, ConfigKeys.HOST_DEFAULT),
            (int) keys.number(ConfigKeys.RAFT_PORT_KEY, null, ConfigKeys.RAFT_PORT_DEFAULT), 0));
      }
      return ClusterAdmin.connect(members, tls.resolve(keys));
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Members, roles, leader, term, commit/applied index and lag of each member.")
  static final class Status implements Callable<Integer> {
    @Mixin Target target;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      try (ClusterAdmin admin = target.connect()) {
        List<MemberStatus> members = admin.status();
        System.out.println(json ? StatusFormat.json(members) : StatusFormat.table(members));
        boolean leaderKnown = members.stream().anyMatch(m -> m.role().equals("LEADER"));
        return leaderKnown ? 0 : 2;
      }
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Adds a member started with 'kqlite start --join'. It catches up from the leader.")
  static final class Add implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "ID=HOST:RAFT:PG", description = "The new member.")
    String member;

    @Option(names = "--witness", description = "The new member is a witness (votes, keeps the log, no data).")
    boolean witness;

    @Override
    public Integer call() throws Exception {
      Peer parsed = Peer.parse(member);
      Peer peer = new Peer(parsed.id(), parsed.host(), parsed.raftPort(), parsed.pgPort(), witness || parsed.witness());
      try (ClusterAdmin admin = target.connect()) {
        admin.add(peer);
      }
      System.out.println("added " + peer);
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a member from the cluster.")
  static final class Remove implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "ID", description = "The member to remove.")
    String id;

    @Override
    public Integer call() throws Exception {
      try (ClusterAdmin admin = target.connect()) {
        admin.remove(id);
      }
      System.out.println("removed " + id);
      return 0;
    }
  }

  @Command(name = "transfer-leader", mixinStandardHelpOptions = true,
      description = "Moves leadership to the given member (it must be caught up).")
  static final class TransferLeader implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "ID", description = "The member that should lead.")
    String id;

    @Override
    public Integer call() throws Exception {
      try (ClusterAdmin admin = target.connect()) {
        admin.transferLeader(id);
      }
      System.out.println("leader is now " + id);
      return 0;
    }
  }
}
