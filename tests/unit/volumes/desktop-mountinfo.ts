/** A Debian desktop with a camera card mounted by udisks2, a snap, an EFI partition and a container's bind mount. */
export const desktopMountInfo = [
  '26 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro',
  '22 26 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw',
  '23 26 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw',
  '30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot',
  '25 26 0:5 / /dev rw,nosuid,relatime shared:3 - devtmpfs udev rw,size=8063544k,nr_inodes=2015886,mode=755',
  '31 26 0:27 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,size=1618480k,mode=755',
  '90 26 259:1 / /boot/efi rw,relatime shared:45 - vfat /dev/nvme0n1p1 rw,fmask=0077,dmask=0077,codepage=437,iocharset=ascii',
  '95 26 7:3 / /snap/core22/1380 ro,nodev,relatime shared:48 - squashfs /dev/loop3 ro',
  '120 26 8:17 / /media/officer/EOS\\040DIGITAL rw,nosuid,nodev,relatime shared:300 - vfat /dev/sdb1 rw,uid=1000,gid=1000,fmask=0022,dmask=0022,codepage=437,iocharset=ascii,shortname=mixed,showexec,utf8,flush,errors=remount-ro',
  '121 26 259:2 /var/lib/containers /srv/containers rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro',
  '130 26 0:60 / /media/officer/DSJ-A8 rw,nosuid,nodev,relatime shared:310 - fuseblk /dev/sdc1 rw,user_id=0,group_id=0,default_permissions,allow_other,blksize=4096',
  '131 26 0:61 / /run/user/1000/gvfs rw,nosuid,nodev,relatime shared:320 - fuse.gvfsd-fuse gvfsd-fuse rw,user_id=1000,group_id=1000',
  '140 26 0:70 / /var/lib/docker/overlay2/3f1c/merged rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/ABC',
  '',
].join('\n');
