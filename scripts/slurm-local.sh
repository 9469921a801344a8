#!/usr/bin/env bash
# A real one-node Slurm cluster on loopback, for tests that submit jobs to Slurm.
#
# Usage: scripts/slurm-local.sh start|stop|status|env
#   start   Installs Debian's slurmctld, slurmd, slurm-client and munge with apt-get if they are
#           missing (apt-get update first), writes a munge key and a slurm.conf into the state
#           directory, starts munged (as the munge user), slurmctld and slurmd, and waits until the
#           node is idle (about 1-2 s; the first install adds 10-20 s). Prints the client
#           environment as `export` lines on stdout and writes them to $SLURM_LOCAL_DIR/env:
#               scripts/slurm-local.sh start > /dev/null && . /tmp/xtsim-slurm/env
#               env=$(scripts/slurm-local.sh start) && eval "$env"
#           (not `eval "$(scripts/slurm-local.sh start)"`: that eval succeeds when start fails).
#           Starting a cluster that is already up only prints its environment again.
#   stop    Cancels every job, waits for them to end, stops slurmd, slurmctld and munged, and then
#           ends any process of this cluster still left (its daemons, slurmstepd, job processes,
#           also those that left their job with setsid). Under 1 s without jobs; about 4 s when jobs
#           were running (slurmstepd polls a cancelled job's processes after 1 s, then 2 s).
#           Stopping a cluster that is not running is fine.
#   status  Says which daemons run and shows sinfo and squeue; exits 0 only when the node answers.
#   env     Prints the client environment (export lines), whether or not the cluster runs.
#
# Every client (sbatch, squeue, scancel, scontrol, sinfo) needs SLURM_CONF from `env`: the cluster
# uses neither /etc/slurm nor the system's munge socket, only the state directory and two ports on
# 127.0.0.1. Clusters with different state directories and ports can run side by side. Job ids
# start at 1 again after each start (slurmctld -c: no state is kept between starts).
#
# When Slurm cannot be started (not root, apt-get cannot reach its archive, a daemon will not come
# up) start exits 1 and the last line on stderr is `slurm-local: cannot start Slurm: <reason>`, so a
# test can skip with that reason. Progress goes to stderr, the daemons' logs to the state directory.
#
# Environment: SLURM_LOCAL_DIR (state directory, default /tmp/xtsim-slurm),
#   SLURM_LOCAL_CTLD_PORT / SLURM_LOCAL_SLURMD_PORT (default 6817 / 6818),
#   SLURM_LOCAL_JOBS_PER_CORE (jobs that may share one core, default 4),
#   SLURM_LOCAL_START_TIMEOUT_S (seconds to wait for the node to be idle, default 30).
#
# The node is the machine itself as slurmd detects it (`slurmd -C`): its real cores and memory,
# each core shared by up to SLURM_LOCAL_JOBS_PER_CORE jobs (OverSubscribe=FORCE), so a 2-core
# machine runs 8 one-CPU jobs at once. Jobs run as the user who submitted them; there is no
# accounting (no sacct): a finished job stays visible to squeue/scontrol for MinJobAge (60 s).
set -euo pipefail

dir=${SLURM_LOCAL_DIR:-/tmp/xtsim-slurm}
ctld_port=${SLURM_LOCAL_CTLD_PORT:-6817}
slurmd_port=${SLURM_LOCAL_SLURMD_PORT:-6818}
jobs_per_core=${SLURM_LOCAL_JOBS_PER_CORE:-4}
start_timeout_s=${SLURM_LOCAL_START_TIMEOUT_S:-30}
node=localnode
partition=local
conf=$dir/slurm.conf
munge_dir=$dir/munge
munge_socket=$munge_dir/munge.socket
# Every daemon of this cluster carries this variable, so stop finds its processes and no other.
tag="XTSIM_SLURM_LOCAL=$dir"
packages=(slurmctld slurmd slurm-client munge)

say() { echo "slurm-local: $*" >&2; }
cannot_start() { say "cannot start Slurm: $*"; exit 1; }

env_lines() { echo "export SLURM_CONF=$conf"; }

# pid recorded in a pid file, if that process is alive.
live_pid() {
  local pid
  [ -s "$1" ] || return 1
  pid=$(cat "$1" 2> /dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && echo "$pid"
}

# pids whose environment has the line $1 (and, if given, a line that starts with $2).
pids_with_env() {
  local f
  # grep -z reads each NUL-terminated variable as a line; it fails on processes it may not read.
  for f in $(grep -lzxF -e "$1" /proc/[0-9]*/environ 2> /dev/null || true); do
    [ -z "${2:-}" ] || grep -qz -e "^$2" "$f" 2> /dev/null || continue
    f=${f#/proc/}
    echo "${f%/environ}"
  done
}

# Processes of this cluster: its daemons and slurmstepd (they carry the tag), and the jobs they
# run (a job has SLURM_JOB_ID and this cluster's SLURM_CONF). The caller and its ancestors, which
# may have SLURM_CONF exported, are never in the list.
cluster_pids() {
  local self=" " p=$$ pid
  while [ "$p" -gt 1 ] 2> /dev/null; do
    self+="$p "
    p=$(awk '/^PPid:/ {print $2}' "/proc/$p/status" 2> /dev/null || echo 1)
  done
  { pids_with_env "$tag" && pids_with_env "SLURM_CONF=$conf" SLURM_JOB_ID=; } | sort -un \
    | while read -r pid; do
      [[ $self == *" $pid "* ]] || ! alive "$pid" || echo "$pid"
    done
}

# A process that has exited but waits for its parent to reap it (a zombie) counts as gone.
alive() {
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2> /dev/null) && [ -n "$state" ] && [ "$state" != Z ]
}

# wait_gone SECONDS PID...: true when all have exited in time.
wait_gone() {
  local deadline=$((SECONDS + $1)) pid left
  shift
  while :; do
    left=0
    for pid in "$@"; do alive "$pid" && left=1; done
    [ $left = 0 ] && return 0
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.1
  done
}

daemons_up() {
  live_pid "$dir/munged.pid" > /dev/null && live_pid "$dir/slurmctld.pid" > /dev/null \
    && live_pid "$dir/slurmd.pid" > /dev/null
}

node_state() { SLURM_CONF=$conf sinfo -h -N -n "$node" -o %T 2> /dev/null | head -n 1 || true; }

# The line of a daemon's log that says why it stopped: its last fatal line, else its last error.
last_error() {
  local line
  [ -s "$1" ] || return 0
  line=$(grep -E 'fatal' "$1" | tail -n 1 || true)
  [ -n "$line" ] || line=$(grep -iE 'error' "$1" | tail -n 1 || true)
  echo "${line#\[*\] }"
}

install_packages() {
  local missing=() p
  for p in "${packages[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2> /dev/null)" = "install ok installed" ] || missing+=("$p")
  done
  [ ${#missing[@]} = 0 ] && return 0
  command -v apt-get > /dev/null || cannot_start "${missing[*]} not installed and no apt-get here"
  say "installing ${missing[*]} with apt-get"
  local log=$dir/apt.log apt_opts=(-q -o Acquire::Retries=1 -o Acquire::http::Timeout=30
    -o DPkg::Lock::Timeout=120)
  timeout 300 apt-get "${apt_opts[@]}" update > "$log.update" 2>&1 \
    || cannot_start "apt-get update failed: $(grep -m 1 -E '^(E|W):' "$log.update")"
  # Packages must not start their own daemons (they would use /etc/slurm and the system's munge
  # socket): a policy-rc.d that forbids starting services, unless the machine has one already.
  local policy=/usr/sbin/policy-rc.d own_policy=no
  if [ ! -e $policy ]; then
    printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy && own_policy=yes
  fi
  local rc=0
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get "${apt_opts[@]}" install -y \
    --no-install-recommends "${missing[@]}" > "$log" 2>&1 || rc=$?
  [ $own_policy = yes ] && rm -f $policy
  [ $rc = 0 ] && return 0
  # apt-get update only warns when it cannot reach the archive; that is then the reason.
  local why
  why=$(grep -m 1 '^W: Failed to fetch' "$log.update" || grep -m 1 '^E:' "$log" || tail -n 1 "$log")
  cannot_start "apt-get install ${missing[*]} failed: $why"
}

write_munge_key() {
  install -d -o munge -g munge -m 0755 "$munge_dir"
  [ -s "$munge_dir/munge.key" ] && return 0
  dd if=/dev/urandom of="$munge_dir/munge.key" bs=1024 count=1 status=none
  chown munge:munge "$munge_dir/munge.key"
  chmod 0400 "$munge_dir/munge.key"
}

write_slurm_conf() {
  # What slurmd detects, e.g. "NodeName=vm CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2
  # ThreadsPerCore=1 RealMemory=24105": a node declared larger than that would be drained.
  local detected
  detected=$(slurmd -C 2> /dev/null | head -n 1) || true
  [[ $detected == NodeName=* ]] || cannot_start "slurmd -C did not describe this machine: $detected"
  detected=${detected#NodeName=* }
  cat > "$conf" << EOF
# Written by scripts/slurm-local.sh: a one-node test cluster on 127.0.0.1.
ClusterName=xtsim-local
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$munge_socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# No cgroups, no binding, no accounting: what a container without systemd allows. proctrack/pgid
# signals a job's process group at once; with proctrack/linuxproc, signalling the processes one by
# one, about 1 cancelled job in 8 here outlived scancel long enough to finish its script.
ProctrackType=proctrack/pgid
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
MailProg=/bin/true
ReturnToService=2
# Schedule at once and keep the waits short, so tests are fast.
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0,bf_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MessageTimeout=5
TCPTimeout=2
SlurmdTimeout=30
InactiveLimit=0
KillWait=2
Waittime=0
MinJobAge=60
NodeName=$node NodeAddr=127.0.0.1 NodeHostname=localhost $detected State=UNKNOWN
PartitionName=$partition Nodes=$node Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:$jobs_per_core
EOF
}

start_daemons() {
  rm -rf "$dir/state" "$dir/spool"
  mkdir -p "$dir/state" "$dir/spool"
  rm -f "$munge_socket" "$dir"/*.pid
  local log
  for log in "$dir/slurmctld.log" "$dir/slurmd.log" "$munge_dir/munged.log"; do
    [ ! -e "$log" ] || mv -f "$log" "$log.1"
  done
  runuser -u munge -- env "$tag" munged --socket="$munge_socket" \
    --key-file="$munge_dir/munge.key" --pid-file="$munge_dir/munged.pid" \
    --log-file="$munge_dir/munged.log" --seed-file="$munge_dir/munged.seed" \
    || cannot_start "munged did not start: $(last_error "$munge_dir/munged.log")"
  ln -sf "$munge_dir/munged.pid" "$dir/munged.pid"
  munge -n -S "$munge_socket" | unmunge -S "$munge_socket" > /dev/null 2>&1 \
    || cannot_start "munge credentials do not round-trip through $munge_socket"
  env "$tag" SLURM_CONF="$conf" slurmctld -c \
    || cannot_start "slurmctld did not start: $(last_error "$dir/slurmctld.log")"
  env "$tag" SLURM_CONF="$conf" slurmd -N "$node" \
    || cannot_start "slurmd did not start: $(last_error "$dir/slurmd.log")"
}

wait_idle() {
  local deadline=$((SECONDS + start_timeout_s)) state=""
  while :; do
    state=$(node_state)
    [ "$state" = idle ] && return 0
    live_pid "$dir/slurmctld.pid" > /dev/null \
      || cannot_start "slurmctld exited: $(last_error "$dir/slurmctld.log")"
    live_pid "$dir/slurmd.pid" > /dev/null \
      || cannot_start "slurmd exited: $(last_error "$dir/slurmd.log")"
    [ $SECONDS -ge $deadline ] && break
    sleep 0.2
  done
  local why
  why=$(SLURM_CONF=$conf sinfo -h -R -o %E 2> /dev/null | head -n 1 || true)
  cannot_start "node $node is '${state:-unknown}' after ${start_timeout_s} s${why:+ ($why)}; logs in $dir"
}

cmd_start() {
  [ "$(id -u)" = 0 ] || cannot_start "needs root to install and run slurmd and munged (uid $(id -u))"
  mkdir -p "$dir"
  chmod 0755 "$dir"
  if daemons_up && [[ $(node_state) =~ ^(idle|mixed|allocated)$ ]]; then
    say "already running (SLURM_CONF=$conf)"
  else
    cmd_stop 2> /dev/null || true # leftovers of an earlier, half-started cluster
    install_packages
    command -v runuser > /dev/null || cannot_start "runuser (util-linux) is missing"
    local port
    for port in "$ctld_port" "$slurmd_port"; do
      ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null \
        || cannot_start "port $port on 127.0.0.1 is taken (another Slurm?); set SLURM_LOCAL_CTLD_PORT/SLURM_LOCAL_SLURMD_PORT"
    done
    write_munge_key
    write_slurm_conf
    # On failure from here on, take down what did start.
    trap 'rc=$?; [ $rc = 0 ] || cmd_stop > /dev/null 2>&1; exit $rc' EXIT
    start_daemons
    wait_idle
    trap - EXIT
    say "node $node idle (SLURM_CONF=$conf)"
  fi
  env_lines | tee "$dir/env"
}

# end_pids SECONDS PID...: waits for them to exit, then TERM, then KILL.
end_pids() {
  local grace_s=$1
  shift
  [ $# = 0 ] && return 0
  wait_gone "$grace_s" "$@" && return 0
  kill -TERM "$@" 2> /dev/null || true
  wait_gone 5 "$@" && return 0
  kill -KILL "$@" 2> /dev/null || true
  wait_gone 5 "$@"
}

cmd_stop() {
  local slurm_pids=() munged_pid pid f
  for f in slurmd slurmctld; do
    pid=$(live_pid "$dir/$f.pid") && slurm_pids+=("$pid")
  done
  if live_pid "$dir/slurmctld.pid" > /dev/null; then
    local jobs
    jobs=$(SLURM_CONF=$conf squeue -h -o %F 2> /dev/null | sort -u | tr '\n' ' ' || true)
    if [ -n "${jobs// /}" ]; then
      say "cancelling jobs $jobs"
      # shellcheck disable=SC2086 # one word per job
      SLURM_CONF=$conf scancel $jobs 2> /dev/null || true
      local deadline=$((SECONDS + 15))
      while [ -n "$(SLURM_CONF=$conf squeue -h -o %i 2> /dev/null)" ] && [ $SECONDS -lt $deadline ]; do
        sleep 0.2
      done
    fi
    # Stops slurmctld and slurmd.
    SLURM_CONF=$conf scontrol shutdown > /dev/null 2>&1 || true
  fi
  # slurmctld now and then takes 10 s over a shutdown that a SIGTERM ends at once.
  end_pids 3 "${slurm_pids[@]}" || true
  # munged last: the daemons authenticate through it until they exit.
  if munged_pid=$(live_pid "$dir/munged.pid"); then end_pids 0 "$munged_pid" || true; fi
  # What is left of this cluster: jobs whose processes escaped, slurmstepd, daemons that hang.
  local left=()
  mapfile -t left < <(cluster_pids)
  if [ ${#left[@]} -gt 0 ]; then
    say "ending leftover processes ${left[*]}"
    end_pids 0 "${left[@]}" || { say "processes ${left[*]} would not end"; return 1; }
  fi
  rm -f "$munge_socket" "$dir"/*.pid
}

cmd_status() {
  local f pid up=0
  for f in munged slurmctld slurmd; do
    if pid=$(live_pid "$dir/$f.pid"); then echo "$f: running (pid $pid)"; else
      echo "$f: not running"
      up=1
    fi
  done
  if live_pid "$dir/slurmctld.pid" > /dev/null; then
    SLURM_CONF=$conf sinfo || up=1
    SLURM_CONF=$conf squeue || up=1
  fi
  [ $up = 0 ] && [ -n "$(node_state)" ]
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) env_lines ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
